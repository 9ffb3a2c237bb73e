using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Stage 8: what an answer means. A token (standard fields, then the token type's own through its factory), a device
    /// authorization, a revocation or an introspection result, or an <see cref="OAuthException"/> that says why not:
    /// the provider's OAuth error, an unexpected status, or a body that is no OAuth response. No secret of the request,
    /// nor a token of the answer, is in any of its messages.
    /// </summary>
    internal static class ResponseMapping
    {
        private static readonly TimeSpan DefaultDevicePollInterval = TimeSpan.FromSeconds(5);

        // Bounds of a declared absolute expiry around the answer's arrival (docs/decisions.md, "response" lane).
        private static readonly TimeSpan MaxExpiresAtSkew = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan MaxExpiresAtLead = TimeSpan.FromDays(10 * 365);

        // requestedScope: what the request asked for; RFC 6749 §5.1, an answer without "scope" granted it.
        public static TToken CreateToken<TToken>(Answer answer, TokenFactory<TToken> factory, string? requestedScope = null)
            where TToken : OAuthToken
        {
            var read = ReadAnswer(answer, "a token", factory.Fields is { Count: > 0 } fields ? fields : null, answer.Shape);
            if (string.IsNullOrEmpty(read.AccessToken))
            {
                throw answer.Redactor().Failure("The token endpoint answered " + Describe(answer.Status) + " without an access_token.", answer.Status);
            }

            var token = factory.Create(read);
            token.AccessToken = read.AccessToken!;
            token.TokenType = read.TokenType;
            token.RefreshToken = read.RefreshToken;
            token.Scope = read.Scope ?? requestedScope;
            token.IdToken = read.IdToken;
            token.SetAdditionalFields(read);
            token.ExpiresIn = read.ExpiresIn;
            // expires_in: 0 gives no usable lifetime (Mailchimp, VK): no expiry, as golang/oauth2 reads it, not "expired at once".
            if (read.ExpiresIn is { } lifetime && lifetime > TimeSpan.Zero)
            {
                token.ExpiresAt = lifetime < DateTimeOffset.MaxValue - answer.ReceivedAt ? answer.ReceivedAt + lifetime : DateTimeOffset.MaxValue;
            }

            if (ExpiresAt(answer, read) is { } expiresAt)
            {
                // The declared absolute expiry wins over a lifetime: it does not depend on when the answer arrived.
                token.ExpiresAt = expiresAt;
                token.ExpiresIn = expiresAt - answer.ReceivedAt;
            }

            return token;
        }

        // An ExpiresAtField value: epoch seconds or milliseconds, or ISO 8601 (TokenFieldReader's conversion), refused when
        // more than MaxExpiresAtSkew before the answer (a token already expired, or seconds read as something else) or
        // more than MaxExpiresAtLead after it (no provider issues a token for longer; a unit mistake looks like that).
        private static DateTimeOffset? ExpiresAt(Answer answer, TokenResponse read)
        {
            if (read.ExpiresAtValue.Kind == FieldValueKind.Absent)
            {
                return null;
            }

            var name = answer.Shape!.ExpiresAtField!;
            DateTimeOffset? expiresAt;
            try
            {
                expiresAt = TokenFieldReader.ReadDateTimeOffset(read.ExpiresAtValue, name);
            }
            catch (OAuthException)
            {
                throw answer.Redactor().Failure("The token endpoint answered " + Describe(answer.Status) + " with a '" + name + "' that is not epoch seconds or milliseconds, nor an ISO 8601 time.", answer.Status);
            }

            if (expiresAt is not { } value)
            {
                return null;
            }

            if (value < answer.ReceivedAt - MaxExpiresAtSkew || value - answer.ReceivedAt > MaxExpiresAtLead)
            {
                var when = value < answer.ReceivedAt ? "in the past" : "more than " + (int)MaxExpiresAtLead.TotalDays / 365 + " years ahead";
                throw answer.Redactor().Failure(
                    "The token endpoint answered " + Describe(answer.Status) + " with a '" + name + "' of "
                    + value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
                    + ", " + when + " of the answer's arrival at "
                    + answer.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) + ".",
                    answer.Status);
            }

            return value;
        }

        public static DeviceAuthorization ReadDeviceAuthorization(Answer answer)
        {
            var read = ReadAnswer(answer, "a device authorization");
            var fields = read.AdditionalFields;
            var deviceCode = TokenFieldReader.GetString(fields, "device_code");
            var userCode = TokenFieldReader.GetString(fields, "user_code");
            // "verification_url": the name some providers (Google) used before RFC 8628 settled on "verification_uri".
            var verificationUri = TokenFieldReader.GetString(fields, "verification_uri") ?? TokenFieldReader.GetString(fields, "verification_url");
            var verification = WebAddress(verificationUri);
            if (string.IsNullOrEmpty(deviceCode) || string.IsNullOrEmpty(userCode) || verification is null)
            {
                throw answer.Redactor().Failure(
                    "The device authorization endpoint answered " + Describe(answer.Status) + " without device_code, user_code and verification_uri.", answer.Status);
            }

            var complete = WebAddress(TokenFieldReader.GetString(fields, "verification_uri_complete"));
            var interval = TokenFieldReader.GetTimeSpan(fields, "interval") is { } seconds && seconds > TimeSpan.Zero ? seconds : DefaultDevicePollInterval;
            return new DeviceAuthorization(
                deviceCode!,
                userCode!,
                verification,
                complete,
                read.ExpiresIn ?? TimeSpan.FromMinutes(5),
                interval,
                answer.ReceivedAt);
        }

        // An http(s) address the user can open: on Unix, Uri.TryCreate takes "/device" for an absolute file:///device.
        private static Uri? WebAddress(string? text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp) ? address : null;

        public static bool ReadRevocation(Answer answer)
        {
            // RFC 7009 §2.2: any 200 is success, whatever its body; only errors are read.
            if (!answer.IsSuccess || answer.Length > 0)
            {
                var read = TokenResponseReader.Read(new ReadOnlySpan<byte>(answer.Bytes, 0, answer.Length), out _);
                ThrowIfError(answer, read);
            }

            return true;
        }

        public static TokenIntrospection ReadIntrospection(Answer answer)
        {
            var read = ReadAnswer(answer, "an introspection result");
            var fields = read.AdditionalFields;
            bool? active;
            try
            {
                active = TokenFieldReader.GetBoolean(fields, "active");
            }
            catch (OAuthException)
            {
                active = null;
            }

            if (active is null)
            {
                throw answer.Redactor().Failure("The introspection endpoint answered without a boolean 'active' member.", answer.Status);
            }

            return new TokenIntrospection
            {
                Active = active.Value,
                Scope = read.Scope,
                TokenType = read.TokenType,
                ClientId = TokenFieldReader.GetString(fields, "client_id"),
                Username = TokenFieldReader.GetString(fields, "username"),
                Subject = TokenFieldReader.GetString(fields, "sub"),
                ExpiresAt = TokenFieldReader.GetDateTimeOffset(fields, "exp"),
                AdditionalFields = fields,
            };
        }

        /// <summary>The answer read as an OAuth response, or an <see cref="OAuthException"/> saying why it is none.</summary>
        private static TokenResponse ReadAnswer(Answer answer, string expected, TokenFieldSet? fields = null, ResponseShape? shape = null)
        {
            var read = TokenResponseReader.Read(new ReadOnlySpan<byte>(answer.Bytes, 0, answer.Length), out var problem, fields, shape);
            ThrowIfError(answer, read);
            problem ??= read?.ShapeProblem;
            if (read is null || problem is not null)
            {
                var redactor = answer.Redactor();
                throw redactor.Failure("The provider answered " + Describe(answer.Status) + " instead of " + expected + ": " + problem + redactor.ExcerptSuffix, answer.Status);
            }

            return read;
        }

        private static void ThrowIfError(Answer answer, TokenResponse? read)
        {
            if (read?.Error is not null)
            {
                throw ProviderError(read, answer);
            }

            if (!answer.IsSuccess)
            {
                var redactor = answer.Redactor();
                throw redactor.Failure(
                    "The provider answered " + Describe(answer.Status) + RetryAfterText(answer) + " without an OAuth error" + redactor.ExcerptSuffix, answer.Status, retryAfter: answer.RetryAfter);
            }
        }

        private static OAuthException ProviderError(TokenResponse read, Answer answer)
        {
            var redactor = answer.Redactor();
            var message = new StringBuilder("The provider answered ").Append(Describe(answer.Status))
                .Append(" with error '").Append(redactor.Printable(read.Error!, 100)).Append('\'');
            if (!string.IsNullOrEmpty(read.ErrorDescription))
            {
                message.Append(": ").Append(redactor.Printable(read.ErrorDescription!, 300));
            }

            if (message[message.Length - 1] != '.')
            {
                message.Append('.');
            }

            return redactor.Failure(message.ToString(), answer.Status, read.Error, read.ErrorDescription, read.ErrorUri, answer.RetryAfter);
        }

        private static string RetryAfterText(Answer answer) =>
            answer.RetryAfter is { } wait ? ", asking to retry after " + Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " s," : string.Empty;

        public static string Describe(HttpStatusCode status) => "HTTP " + (int)status + " (" + status + ")";
    }

    /// <summary>How a token is made from an answer: from the fields captured in the reading pass, or (code generated before <see cref="TokenFieldSet{TToken}"/>) from <see cref="TokenResponse.AdditionalFields"/>.</summary>
    internal readonly struct TokenFactory<TToken>
        where TToken : OAuthToken
    {
        private readonly ITokenFieldSet<TToken>? _fields;
        private readonly Func<IReadOnlyDictionary<string, JsonElement>, TToken>? _fromAdditionalFields;

        public TokenFactory(ITokenFieldSet<TToken> fields)
        {
            _fields = fields ?? throw new ArgumentNullException(nameof(fields));
            _fromAdditionalFields = null;
        }

        public TokenFactory(Func<IReadOnlyDictionary<string, JsonElement>, TToken> fromAdditionalFields)
        {
            _fields = null;
            _fromAdditionalFields = fromAdditionalFields ?? throw new ArgumentNullException("createToken");
        }

        public TokenFieldSet? Fields => _fields?.Fields;

        public TToken Create(TokenResponse read) =>
            _fields is not null ? _fields.Create(read.ValuesOf(_fields.Fields)) : _fromAdditionalFields!(read.AdditionalFields);
    }
}
