#if NET7_0_OR_GREATER
using System;
using System.Net.Http;

namespace OAuthGen
{
    /// <summary>
    /// What dependency injection needs to build a generated client without reflection: its provider and its
    /// constructor, as static members. The generator implements it for consumers on .NET 7 or later with C# 11 or later;
    /// elsewhere, pass a factory to <c>AddOAuthClient</c>.
    /// </summary>
    /// <typeparam name="TSelf">The generated client.</typeparam>
    public interface IOAuthClient<TSelf>
        where TSelf : class, IOAuthClient<TSelf>
    {
        /// <summary>The provider the client was generated for.</summary>
        static abstract OAuthProviderInfo Provider { get; }

        /// <summary>Creates the client.</summary>
        static abstract TSelf Create(HttpClient httpClient, OAuthClientOptions options, TimeProvider? timeProvider);
    }
}
#endif
