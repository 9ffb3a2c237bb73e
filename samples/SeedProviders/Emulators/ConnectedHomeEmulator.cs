using System.Collections.Generic;
using System.Threading;
using Microsoft.AspNetCore.WebUtilities;
using SeedProviders.Protocol;

namespace SeedProviders.Emulators;

/// <summary>
/// Doc 003 (Apigee-style gateway): GET /authorize plus a token endpoint with HTTP Basic for the
/// client_credentials, authorization_code and refresh_token grants.
/// </summary>
internal sealed class ConnectedHomeEmulator(SeedCredentials credentials) : IProviderEmulator
{
    public const string ProviderName = "connectedhome";

    private const string AuthorizePath = "/authorize";

    /// <summary>The code_challenge bound to the (fixed) authorization code by the latest authorization request.</summary>
    private PkceChallenge? _challenge;

    public string Name => ProviderName;

    public Reply Handle(RecordedRequest request) => request.Path == AuthorizePath ? Authorize(request) : Token(request);

    private Reply Token(RecordedRequest request)
    {
        var form = Require.FormTokenPost(request, "/oauth/token");
        Require.BasicClient(request, form, credentials);
        return Require.GrantType(form, "client_credentials", "authorization_code", "refresh_token") switch
        {
            "client_credentials" => Reply.Token(SeedResponses.ConnectedHome),
            "authorization_code" => RedeemCode(form),
            _ => Refresh(form),
        };
    }

    private Reply RedeemCode(IReadOnlyDictionary<string, string> form)
    {
        Require.Grant(Require.Parameter(form, "code") == credentials.AuthorizationCode, "authorization code");
        Require.Grant(Require.Parameter(form, "redirect_uri") == credentials.RedirectUri, "redirect_uri");
        var challenge = Volatile.Read(ref _challenge);
        if (challenge is not null)
        {
            var verifier = Require.Parameter(form, "code_verifier");
            if (!PkceChallenge.IsWellFormed(verifier))
            {
                throw Require.Invalid("code_verifier must be 43 to 128 unreserved characters (RFC 7636 §4.1).");
            }

            Require.Grant(challenge.IsSatisfiedBy(verifier), "code_verifier");
            // A redeemed code forgets its challenge, so a later exchange without PKCE is not held to it.
            Interlocked.CompareExchange(ref _challenge, null, challenge);
        }

        return Reply.Token(SeedResponses.ConnectedHomeWithRefreshToken(credentials.RefreshToken));
    }

    private Reply Refresh(IReadOnlyDictionary<string, string> form)
    {
        Require.Grant(Require.Parameter(form, "refresh_token") == credentials.RefreshToken, "refresh token");
        return Reply.Token(SeedResponses.ConnectedHomeWithRefreshToken(credentials.RefreshToken));
    }

    private Reply Authorize(RecordedRequest request)
    {
        Require.Endpoint(request, AuthorizePath, "GET");
        var query = Require.Unique(FormUrlEncoding.Parse(request.QueryString.TrimStart('?')));

        // RFC 6749 §4.1.2.1: an unknown client or redirect URI is reported here, never redirected to.
        if (Require.Parameter(query, "client_id") != credentials.ClientId)
        {
            throw Require.Invalid("Unknown client_id.");
        }

        var redirectUri = Require.Parameter(query, "redirect_uri");
        if (redirectUri != credentials.RedirectUri)
        {
            throw Require.Invalid("redirect_uri does not match the registered one.");
        }

        var state = query.GetValueOrDefault("state") is { Length: > 0 } value ? value : null;
        var responseType = query.GetValueOrDefault("response_type");
        if (responseType != "code")
        {
            return RedirectError(redirectUri, string.IsNullOrEmpty(responseType) ? "invalid_request" : "unsupported_response_type", state);
        }

        if (!TryReadChallenge(query, out var challenge))
        {
            return RedirectError(redirectUri, "invalid_request", state);
        }

        Volatile.Write(ref _challenge, challenge);
        return Redirect(redirectUri, new("code", credentials.AuthorizationCode), new("state", state));
    }

    /// <summary>RFC 7636 §4.3: the method defaults to plain; only plain and S256 exist.</summary>
    private static bool TryReadChallenge(IReadOnlyDictionary<string, string> query, out PkceChallenge? challenge)
    {
        var value = query.GetValueOrDefault("code_challenge");
        var method = query.GetValueOrDefault("code_challenge_method");
        if (string.IsNullOrEmpty(value))
        {
            challenge = null;
            return string.IsNullOrEmpty(method);
        }

        challenge = new PkceChallenge(value, string.IsNullOrEmpty(method) ? PkceChallenge.Plain : method);
        return challenge.Method is PkceChallenge.Plain or PkceChallenge.S256 && PkceChallenge.IsWellFormed(value);
    }

    private static Reply RedirectError(string redirectUri, string error, string? state) =>
        Redirect(redirectUri, new("error", error), new("state", state));

    /// <summary>Appends the parameters to the redirect URI; null values (an absent state) are left out.</summary>
    private static Reply Redirect(string redirectUri, params KeyValuePair<string, string?>[] parameters) =>
        Reply.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters));
}
