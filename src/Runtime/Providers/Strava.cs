using OAuthGen.Infrastructure;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Strava API OAuth (<see href="https://developers.strava.com/docs/authentication/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.strava.com/docs/authentication/"/>.</para>
    /// <list type="bullet">
    /// <item><description>expires_at (epoch seconds) beside expires_in: ExpiresAt comes from expires_at (ExpiresAtField).</description></item>
    /// <item><description>Scopes are comma-separated (scope=read,activity:read_all), and the granted ones come back on the redirect, not in the token answer.</description></item>
    /// <item><description>The athlete (summary representation) read into a typed token on the code exchange; refresh answers have none (OpenIddict handlers).</description></item>
    /// <item><description>Access tokens last six hours; a refresh answer may carry a new refresh token, which replaces the old one.</description></item>
    /// <item><description>Errors are {"message":"Bad Request","errors":[...]} without an error field: an OAuthException without Error.</description></item>
    /// <item><description>No PKCE in its documentation.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML and handlers; golang/oauth2 endpoints.go.</para>
    /// </remarks>
#pragma warning disable OAUTH011 // The provider documents no PKCE.
    [OAuthProvider("https://www.strava.com/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://www.strava.com/oauth/authorize",
        ExpiresAtField = "expires_at",
        ScopeSeparator = ",",
        UsePkce = false,
        TokenType = typeof(StravaToken))]
    public partial class Strava
    {
    }
#pragma warning restore OAUTH011

    /// <summary>The token Strava answers, with the athlete of a code exchange (<see href="https://developers.strava.com/docs/authentication/#tokenexchange"/>).</summary>
    public sealed class StravaToken : OAuthToken
    {
        /// <summary>The athlete who authorized the app (athlete); null in refresh answers, which have none.</summary>
        public StravaAthlete? Athlete => AnswerObject.Of(AdditionalFields, "athlete") is { } athlete
            ? new StravaAthlete(athlete.Int64("id"), athlete.String("username"), athlete.String("firstname"), athlete.String("lastname"), athlete.String("city"), athlete.String("state"), athlete.String("country"), athlete.String("profile"), athlete.String("profile_medium"))
            : null;
    }

    /// <summary>The athlete of a Strava token answer, as its summary representation has it (<see href="https://developers.strava.com/docs/reference/#api-models-SummaryAthlete"/>).</summary>
    public sealed class StravaAthlete
    {
        internal StravaAthlete(long? id, string? username, string? firstName, string? lastName, string? city, string? state, string? country, string? profile, string? profileMedium)
        {
            Id = id;
            Username = username;
            FirstName = firstName;
            LastName = lastName;
            City = city;
            State = state;
            Country = country;
            Profile = profile;
            ProfileMedium = profileMedium;
        }

        /// <summary>The athlete's ID (id).</summary>
        public long? Id { get; }

        /// <summary>username.</summary>
        public string? Username { get; }

        /// <summary>firstname.</summary>
        public string? FirstName { get; }

        /// <summary>lastname.</summary>
        public string? LastName { get; }

        /// <summary>city.</summary>
        public string? City { get; }

        /// <summary>state.</summary>
        public string? State { get; }

        /// <summary>country.</summary>
        public string? Country { get; }

        /// <summary>The URL of the 124x124 profile picture (profile).</summary>
        public string? Profile { get; }

        /// <summary>The URL of the 62x62 profile picture (profile_medium).</summary>
        public string? ProfileMedium { get; }

        /// <inheritdoc />
        public override string ToString() => "StravaAthlete { Id = " + (Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)") + " }";
    }
}
