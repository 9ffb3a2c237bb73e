using System;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Where a provider's token answer keeps what the standard names say elsewhere: the object that holds the token
    /// fields (<see cref="OAuthProviderAttribute.ResponseRoot"/>) and the other names of the lifetime, the absolute
    /// expiry, the error and its description. The reader applies it in its one pass; null when a provider is standard.
    /// </summary>
    internal sealed class ResponseShape
    {
        private readonly Alias[] _aliases;

        private ResponseShape(OAuthProviderInfo provider)
        {
            Root = provider.ResponseRoot;
            RootPath = Root is null ? new string[0] : Root.Split('.');
            Utf8RootPath = new byte[RootPath.Length][];
            for (var i = 0; i < RootPath.Length; i++)
            {
                Utf8RootPath[i] = Encoding.UTF8.GetBytes(RootPath[i]);
            }

            _aliases = new[]
            {
                new Alias(provider.ExpiresInField, ResponseAlias.ExpiresIn),
                new Alias(provider.ExpiresAtField, ResponseAlias.ExpiresAt),
                new Alias(provider.ErrorField, ResponseAlias.Error),
                new Alias(provider.ErrorDescriptionField, ResponseAlias.ErrorDescription),
            };
            ExpiresInField = provider.ExpiresInField;
            ExpiresAtField = provider.ExpiresAtField;
            ErrorField = provider.ErrorField;
            ErrorDescriptionField = provider.ErrorDescriptionField;
            ScopeSeparator = provider.ScopeSeparator;
        }

        /// <summary>The declared root path, as written; null for the top level.</summary>
        public string? Root { get; }

        /// <summary>The root path's segments; empty for the top level.</summary>
        public string[] RootPath { get; }

        /// <summary>The same segments as UTF-8 bytes.</summary>
        public byte[][] Utf8RootPath { get; }

        public string? ExpiresInField { get; }

        public string? ExpiresAtField { get; }

        public string? ErrorField { get; }

        public string? ErrorDescriptionField { get; }

        /// <summary>What joins the scopes of an answer's scope array.</summary>
        public string ScopeSeparator { get; }

        /// <summary>The shape of <paramref name="provider"/>'s answers, or null when it declares nothing non-standard.</summary>
        public static ResponseShape? Of(OAuthProviderInfo provider) =>
            provider.ResponseRoot is null && provider.ExpiresInField is null && provider.ExpiresAtField is null
            && provider.ErrorField is null && provider.ErrorDescriptionField is null && provider.ScopeSeparator == " "
                ? null
                : new ResponseShape(provider);

        /// <summary>What the member named <paramref name="name"/> (ordinal, as <c>[OAuthField]</c> names) stands for.</summary>
        public ResponseAlias Classify(ReadOnlySpan<byte> name)
        {
            foreach (var alias in _aliases)
            {
                if (alias.Utf8Name is not null && name.SequenceEqual(new ReadOnlySpan<byte>(alias.Utf8Name)))
                {
                    return alias.Meaning;
                }
            }

            return ResponseAlias.None;
        }

        public ResponseAlias Classify(string name)
        {
            foreach (var alias in _aliases)
            {
                if (alias.Name is not null && string.Equals(name, alias.Name, StringComparison.Ordinal))
                {
                    return alias.Meaning;
                }
            }

            return ResponseAlias.None;
        }

        private sealed class Alias
        {
            public Alias(string? name, ResponseAlias meaning)
            {
                Name = name;
                Utf8Name = name is null ? null : Encoding.UTF8.GetBytes(name);
                Meaning = meaning;
            }

            public string? Name { get; }

            public byte[]? Utf8Name { get; }

            public ResponseAlias Meaning { get; }
        }
    }

    /// <summary>The standard member a declared field name stands for.</summary>
    internal enum ResponseAlias
    {
        None,
        ExpiresIn,
        ExpiresAt,
        Error,
        ErrorDescription,
    }
}
