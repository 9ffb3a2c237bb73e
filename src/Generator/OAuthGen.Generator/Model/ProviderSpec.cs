using OAuthGen.Generator.Linked;

namespace OAuthGen.Generator.Model
{
    /// <summary>Everything the emitter needs to write one provider's client: plain values, no symbols or syntax.</summary>
    internal sealed record ProviderSpec(
        string? Namespace,
        EquatableArray<ContainingTypeSpec> ContainingTypes,
        string TypeName,
        string HintName,
        bool NullableAnnotations,
        bool ImplementsOAuthClient,
        string TokenEndpoint,
        OAuthGrant Grants,
        ClientAuthMethod ClientAuth,
        BodyEncoding Body,
        BasicAuthEncoding BasicEncoding,
        string? AuthorizationEndpoint,
        string? DeviceAuthorizationEndpoint,
        string? RevocationEndpoint,
        string? IntrospectionEndpoint,
        string? MetadataAddress,
        string? Scope,
        bool ScopeRequired,
        bool UsePkce,
        bool ScopeInAssertion,
        EquatableArray<NameValueSpec> Headers,
        EquatableArray<NameValueSpec> Parameters,
        TokenTypeSpec? TokenType,
        bool WritesOptionsProperty,
        ParameterLocation ParameterLocation = ParameterLocation.Body,
        TokenRequestMethod Method = TokenRequestMethod.Post,
        EquatableArray<ParameterNameSpec> ParameterNames = default,
        ResponseFieldsSpec? ResponseFields = null,
        string? RefreshTokenEndpoint = null);

    /// <summary>An <c>[OAuthParameterName]</c>: a standard parameter's wire name, or null when it is left out.</summary>
    internal sealed record ParameterNameSpec(string StandardName, string? WireName);

    /// <summary>Where the answer keeps its token fields, when not where RFC 6749 puts them; null members are standard.</summary>
    internal sealed record ResponseFieldsSpec(
        string? ResponseRoot,
        string? ExpiresInField,
        string? ExpiresAtField,
        string? ErrorField,
        string? ErrorDescriptionField,
        string ScopeSeparator);

    /// <summary>A type that encloses the provider class: its keyword (<c>class</c>, <c>struct</c>, ...) and its name with type parameters.</summary>
    internal sealed record ContainingTypeSpec(string Keyword, string Name);

    /// <summary>An <c>[OAuthHeader]</c> or <c>[OAuthParameter]</c>.</summary>
    internal sealed record NameValueSpec(string Name, string Value);

    /// <summary>A custom token type and the fields it maps.</summary>
    internal sealed record TokenTypeSpec(string FullyQualifiedName, EquatableArray<TokenFieldSpec> Fields);

    /// <summary>One <c>[OAuthField]</c> property.</summary>
    internal sealed record TokenFieldSpec(string PropertyName, string JsonName, TokenFieldKind Kind, TokenFieldNullability Nullability, bool IsSecret = false);

    internal enum TokenFieldKind
    {
        String,
        Boolean,
        Int32,
        Int64,
        Double,
        TimeSpan,
        DateTimeOffset,
        StringArray,
    }

    internal enum TokenFieldNullability
    {
        /// <summary>A nullable value type, an annotated or an oblivious reference: null when the field is absent.</summary>
        Nullable,

        /// <summary>A non-nullable value type: its default when the field is absent.</summary>
        ValueDefault,

        /// <summary>A reference declared non-null: an empty string or array when the field is absent.</summary>
        ReferenceEmpty,
    }
}
