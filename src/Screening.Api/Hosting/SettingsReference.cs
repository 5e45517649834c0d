using System.Text.RegularExpressions;
using Screening.Domain.Policy;

namespace Screening.Api.Hosting;

/// <summary>One setting: its key (with &lt;placeholders&gt; for names and positions), its default, and what it does.</summary>
public sealed record Setting(string Key, string Default, string Meaning);

/// <summary>
/// Every setting the service reads, in one list: the README's configuration table is checked against it, and so are
/// the deployment manifests (every Screening__* variable they set must be one of these).
/// </summary>
public static class SettingsReference
{
    public static IReadOnlyList<Setting> All { get; } =
    [
        new("Screening:Auth:ApiKeys:<clientId>", "none", "SHA-256 (hex) of a client's API key, sent by the client in `X-API-Key`. Outside Development the service refuses to start without one."),
        new("Screening:Auth:AuditClients:<n>", "none", "Client ids that may read every client's decisions and run a policy impact."),
        new("Screening:Policy:Profile", "default", "`default` (the specification's values) or `us-label-only` (no EU 6-week cardiovascular rule; distinct agents are still required, as in the label's studies)."),
        new("Screening:Policy:<name>", "profile's", "Any single policy value, e.g. `TrialMinWeeksAtDose`, `NonResponseMaxImprovementPercent`, `Pcl5Cutoff`, `DissociativeMisuse` (`Relative`/`Absolute`), `HeartRateGateEnabled`, `BloodPressureReadingsRule` (`Mean`/`Highest`), `DangerToOthersQuestionsRequired` (makes unanswered danger-to-others questions blocking). `GET /v1/ruleset` lists them all; unknown names and out-of-range values stop start-up."),
        new("Screening:DecisionLog:Provider", "sqlite", "`sqlite` (a file, one replica), `postgres` (several replicas) or `none` (no decision record; the container image's default until a key is given)."),
        new("Screening:DecisionLog:ConnectionString", "`Data Source=data/decisions.db`", "ADO.NET connection string; required for `postgres`."),
        new("Screening:DecisionLog:EncryptionKeys:<keyId>", "none", "AES-256 key (32 bytes, base64: `openssl rand -base64 32`) for the stored requests and responses. Required outside Development unless the provider is `none`; in Development one is generated into `data/`."),
        new("Screening:DecisionLog:ActiveKeyId", "the only key", "The key new decisions are encrypted with; the others still decrypt (rotation)."),
        new("Screening:DecisionLog:InputRetentionDays", "365", "Days the encrypted request and response are kept; after that a decision can no longer be looked up in full or replayed, and its summary stays."),
        new("Screening:DecisionLog:RetentionDays", "2190", "Days a decision's summary is kept (six years)."),
        new("Screening:RateLimit:PermitsPerMinute", "600", "Requests per minute per authenticated client (API client, or CDS issuer) and per address for anonymous endpoints; a batch costs one per item; 429 with `Retry-After` beyond."),
        new("Screening:RateLimit:UnauthenticatedPermitsPerMinute", "60", "Requests per minute per address to protected endpoints without valid credentials (their own bucket: wrong keys never throttle a client)."),
        new("Screening:RateLimit:ConcurrentBodies", "4 × cores", "Requests with a body handled at once across all clients (bounds the memory bodies hold); further ones wait."),
        new("Screening:RateLimit:ConcurrentBodiesPerClient", "2 × cores", "The same per client, so one client's flood waits behind itself, not in front of others."),
        new("Screening:RateLimit:QueuedBodies", "200", "Requests waiting for a body slot; beyond, 503 with `Retry-After: 1`."),
        new("Screening:Network:KnownProxies:<n>", "none", "Addresses of reverse proxies whose `X-Forwarded-For`/`-Proto` are trusted (the client address is then the forwarded one). Off by default: forwarded headers are ignored."),
        new("Screening:Network:KnownNetworks:<n>", "none", "The same as CIDR ranges (e.g. `10.0.0.0/8`)."),
        new("Screening:CdsHooks:ServiceBaseUrl", "none", "The public base URL EHRs call; the JWT `aud` must be `<base>/cds-services/ketamine-referral-screening` (or its `/feedback`). Required once an issuer is configured."),
        new("Screening:CdsHooks:TrustedIssuers:<name>:Issuer", "none", "The `iss` of a trusted EHR's tokens."),
        new("Screening:CdsHooks:TrustedIssuers:<name>:PublicKeyPem", "none", "Its RSA or EC public key (`-----BEGIN PUBLIC KEY-----`), or instead:"),
        new("Screening:CdsHooks:TrustedIssuers:<name>:JwksUrl", "none", "Its JWK Set URL (https), cached for an hour and fetched again for an unknown `kid`."),
        new("Screening:CdsHooks:AllowedFhirServers:<n>", "none", "FHIR base URLs the service may search when a call has no prefetch. No other host is contacted."),
        new("Screening:CdsHooks:OutboundTimeoutSeconds", "5", "Timeout for FHIR server and JWKS calls."),
        new("Screening:CdsHooks:SourceUrl", "`<ServiceBaseUrl>/swagger`", "The card's source link."),
        new("Screening:Fhir:CanonicalBase", "the service's own `/fhir` URL, as requested", "The base of every canonical URL the FHIR resources and CDS cards name (the Questionnaire's `url`, its code systems, the `$evaluate` definition). Set it when the service is reached under several names or behind a proxy: a QuestionnaireResponse must name the Questionnaire under the base in force."),
        new("Screening:Pages:Enabled", "true", "`false` turns off the coordinator pages (`/`, `/screenings/new`, `/decisions`, `/signin`)."),
        new("Screening:Pages:Oidc:Authority", "none", "OpenID Connect issuer for single sign-on to the pages (the site's identity provider); with it, visitors are sent there to sign in, and signing out ends the provider's session too (signing in with an API key stays available at `/signin`)."),
        new("Screening:Pages:Oidc:ClientId", "none", "This service's client id at the identity provider (authorization code flow with PKCE; redirect URI `<base>/signin-oidc`)."),
        new("Screening:Pages:Oidc:ClientSecret", "none", "Its client secret, if the provider issued one."),
        new("Screening:Pages:Oidc:ClientIdClaim", "preferred_username", "The claim that names the signed-in person; their decisions are kept under it (as an API client's are under its id)."),
        new("Screening:Swagger:Enabled", "true", "`false` turns off Swagger UI and the OpenAPI document."),
        new("Screening:Metrics:Enabled", "true", "`false` turns off `/metrics`."),
        new("Screening:Metrics:Port", "none", "Serve `/metrics` on this port only (it must be one the server listens on)."),
        new("Screening:Shutdown:DrainSeconds", "0", "On SIGTERM, seconds to keep serving with readiness unhealthy before the server stops."),
        new("Screening:Shutdown:TimeoutSeconds", "30", "How long in-flight requests may take to finish once the server stops."),
        new("Serilog:MinimumLevel:Default", "Information", "Log level (and `Serilog:MinimumLevel:Override:<category>`). Logs never contain a request body, an answer, a query string or an exception message."),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", "none", "Export traces over OTLP to this collector (the standard OpenTelemetry variables apply)."),
    ];

    /// <summary>Whether a configuration key (":"-separated, as an environment variable with "__") is one the service reads.</summary>
    public static bool IsKnown(string key)
    {
        var path = key.Replace("__", ":", StringComparison.Ordinal);
        if (path.StartsWith("Screening:Policy:", StringComparison.OrdinalIgnoreCase))
        {
            return typeof(ScreeningPolicy).GetProperty(path["Screening:Policy:".Length..], System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase) is not null;
        }

        return All.Any(setting => Pattern(setting.Key).IsMatch(path));
    }

    /// <summary>The README's configuration table (a test keeps the README equal to it).</summary>
    public static string MarkdownTable() =>
        "| Setting | Default | Meaning |\n|---|---|---|\n" + string.Concat(All.Select(setting => $"| `{setting.Key}` | {setting.Default} | {setting.Meaning} |\n"));

    private static Regex Pattern(string key) =>
        new("^" + Regex.Replace(Regex.Escape(key), @"<[a-zA-Z]+>", "[^:]+") + "$", RegexOptions.IgnoreCase);
}
