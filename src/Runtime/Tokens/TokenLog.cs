using System;
using Microsoft.Extensions.Logging;

namespace OAuthGen.Tokens
{
    /// <summary>The log events of token management. Provider names, client ids, scopes and expiries: never a secret or a token.</summary>
    internal static class TokenLog
    {
        public static readonly EventId TokenRequestedId = new EventId(1, "TokenRequested");
        public static readonly EventId TokenServedFromCacheId = new EventId(2, "TokenServedFromCache");
        public static readonly EventId TokenRefreshedId = new EventId(3, "TokenRefreshed");
        public static readonly EventId TokenRequestFailedId = new EventId(4, "TokenRequestFailed");
        public static readonly EventId UnauthorizedRetryId = new EventId(5, "UnauthorizedRetry");
        public static readonly EventId SharedCacheUnavailableId = new EventId(6, "SharedCacheUnavailable");
        public static readonly EventId WaitingForAnotherInstanceId = new EventId(7, "WaitingForAnotherInstance");

        public static readonly Action<ILogger, string, string, string, Exception?> TokenRequested =
            LoggerMessage.Define<string, string, string>(LogLevel.Information, TokenRequestedId,
                "Requesting a {GrantType} token from {Provider} for {Subject}");

        public static readonly Action<ILogger, string, DateTimeOffset?, Exception?> TokenServedFromCache =
            LoggerMessage.Define<string, DateTimeOffset?>(LogLevel.Debug, TokenServedFromCacheId,
                "Token for {Provider} served from cache, expires at {ExpiresAt}");

        public static readonly Action<ILogger, string, DateTimeOffset?, Exception?> TokenRefreshed =
            LoggerMessage.Define<string, DateTimeOffset?>(LogLevel.Information, TokenRefreshedId,
                "Got a new token from {Provider}, expires at {ExpiresAt}");

        public static readonly Action<ILogger, string, string, Exception?> TokenRequestFailed =
            LoggerMessage.Define<string, string>(LogLevel.Warning, TokenRequestFailedId,
                "Token request to {Provider} failed: {Error}");

        public static readonly Action<ILogger, string, Exception?> UnauthorizedRetry =
            LoggerMessage.Define<string>(LogLevel.Information, UnauthorizedRetryId,
                "The API refused a token from {Provider} with 401; retrying once with a new token");

        public static readonly Action<ILogger, string, string, string, Exception?> SharedCacheUnavailable =
            LoggerMessage.Define<string, string, string>(LogLevel.Warning, SharedCacheUnavailableId,
                "The shared token cache failed to {Operation} ({Error}); {Provider} tokens come from the provider and this process's memory meanwhile");

        public static readonly Action<ILogger, string, Exception?> WaitingForAnotherInstance =
            LoggerMessage.Define<string>(LogLevel.Debug, WaitingForAnotherInstanceId,
                "Another instance is requesting the {Provider} token; waiting for it in the shared cache");

        /// <summary>The OAuth error code or exception type of a failure: its message may quote the provider at length.</summary>
        public static string Describe(Exception exception) =>
            exception is OAuthException oauth
                ? (oauth.Error ?? (oauth.StatusCode is { } status ? "HTTP " + (int)status : "no token")) + " (" + oauth.Message + ")"
                : exception.GetType().Name;
    }
}
