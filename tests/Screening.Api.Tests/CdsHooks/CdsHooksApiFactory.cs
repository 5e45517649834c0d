using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Screening.Api.CdsHooks;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.CdsHooks;

/// <summary>
/// The service with CDS Hooks configured as an operator would: three trusted EHRs (an RSA PEM key, an EC P-384 PEM
/// key, a JWK Set URL), one allowed FHIR server, and a public base URL. Keys are generated per test run. Outbound
/// HTTP goes to a recording stub instead of the network.
/// </summary>
public class CdsHooksApiFactory : ApiFactory
{
    public const string ServiceBaseUrl = "https://screening.test";
    public const string ServiceUrl = $"{ServiceBaseUrl}/cds-services/ketamine-referral-screening";
    public const string FeedbackUrl = ServiceUrl + "/feedback";
    public const string RsaIssuer = "https://ehr-rsa.test";
    public const string EcIssuer = "https://ehr-ec.test";
    public const string JwksIssuer = "https://ehr-jwks.test";
    public const string JwksUrl = "https://ehr-jwks.test/.well-known/jwks.json";
    public const string AllowedFhirServer = "https://fhir.test/r4";

    public static readonly RsaSecurityKey RsaKey = new(RSA.Create(2048)) { KeyId = "rsa-1" };
    public static readonly ECDsaSecurityKey EcKey = new(ECDsa.Create(ECCurve.NamedCurves.nistP384)) { KeyId = "ec-1" };
    public static readonly RsaSecurityKey JwksKey = new(RSA.Create(2048)) { KeyId = "jwks-1" };

    public CdsHooksApiFactory()
        : this([])
    {
    }

    /// <summary>The same service with further settings (e.g. small rate limits).</summary>
    protected CdsHooksApiFactory(Dictionary<string, string?> settings)
        : base(new Dictionary<string, string?>(settings.Concat(new Dictionary<string, string?>
        {
            ["Screening:CdsHooks:ServiceBaseUrl"] = ServiceBaseUrl,
            ["Screening:CdsHooks:TrustedIssuers:rsa-ehr:Issuer"] = RsaIssuer,
            ["Screening:CdsHooks:TrustedIssuers:rsa-ehr:PublicKeyPem"] = RsaKey.Rsa.ExportSubjectPublicKeyInfoPem(),
            ["Screening:CdsHooks:TrustedIssuers:ec-ehr:Issuer"] = EcIssuer,
            ["Screening:CdsHooks:TrustedIssuers:ec-ehr:PublicKeyPem"] = EcKey.ECDsa.ExportSubjectPublicKeyInfoPem(),
            ["Screening:CdsHooks:TrustedIssuers:jwks-ehr:Issuer"] = JwksIssuer,
            ["Screening:CdsHooks:TrustedIssuers:jwks-ehr:JwksUrl"] = JwksUrl,
            ["Screening:CdsHooks:AllowedFhirServers:0"] = AllowedFhirServer,
            // The tests' API client may read every decision, the EHRs' included.
            ["Screening:Auth:AuditClients:0"] = ClientId,
        })))
    {
    }

    /// <summary>Every outbound request the service made, and what the stub FHIR server answers.</summary>
    public StubHttp Outbound { get; } = new();

    /// <summary>A signed token for the service; each part can be spoiled for the negative tests.</summary>
    public static string Token(
        string issuer = RsaIssuer,
        SigningCredentials? credentials = null,
        string audience = ServiceUrl,
        DateTime? expires = null,
        string? jti = null,
        bool withSignature = true)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.Value.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.Value.AddMinutes(-5) : now,
            Expires = expires ?? now.AddMinutes(5),
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Jti] = jti ?? Guid.NewGuid().ToString(), [JwtRegisteredClaimNames.Sub] = "ehr-client" },
            SigningCredentials = withSignature ? credentials ?? new SigningCredentials(RsaKey, SecurityAlgorithms.RsaSha384) : null,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(TrustedIssuerKeys.JwksClient).ConfigurePrimaryHttpMessageHandler(() => Outbound);
            services.AddHttpClient<FhirServerClient>().ConfigurePrimaryHttpMessageHandler(() => Outbound);
        });
    }
}

/// <summary>Answers the JWKS URL with the JWKS issuer's public key and the FHIR server with <see cref="FhirSearchResult"/>; records every request.</summary>
public sealed class StubHttp : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Uri, string? Authorization)> Requests { get; } = new();

    /// <summary>The body the stub FHIR server answers a search with.</summary>
    public string FhirSearchResult { get; set; } = "{}";

    /// <summary>Bytes the stub FHIR server answers with instead, when set (text that is not UTF-8).</summary>
    public byte[]? FhirSearchBytes { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        var response = request.RequestUri!.AbsoluteUri switch
        {
            CdsHooksApiFactory.JwksUrl => Json(Jwks(), "application/json"),
            var uri when uri.StartsWith(CdsHooksApiFactory.AllowedFhirServer + "/", StringComparison.Ordinal) => FhirSearchBytes is { } bytes
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/fhir+json") } } }
                : Json(FhirSearchResult, "application/fhir+json"),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        return Task.FromResult(response);
    }

    private static HttpResponseMessage Json(string body, string mediaType) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(CdsHooksApiFactory.JwksKey.Rsa.ExportParameters(false)) { KeyId = CdsHooksApiFactory.JwksKey.KeyId });
        return $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"{{jwk.Kid}}","n":"{{jwk.N}}","e":"{{jwk.E}}"}]}""";
    }
}
