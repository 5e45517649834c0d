using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Screening.Api.Tests.CdsHooks;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 8 (low): loose JWT rules. Tokens living longer than 5 minutes (plus skew), issued in the future, with a
/// non-numeric exp or unknown crit headers are refused, and each endpoint accepts only its own URL as aud. The 401 says
/// which check failed, in the service's words.
/// </summary>
public class Finding08JwtRulesTests(CdsHooksApiFactory factory) : IClassFixture<CdsHooksApiFactory>
{
    private const string ServicePath = "/cds-services/ketamine-referral-screening";
    private const string FeedbackPath = ServicePath + "/feedback";

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        { "lifetime of 10 minutes from iat", "lives longer than 5 minutes" },
        { "lifetime of 10 minutes without iat", "lives longer than 5 minutes" },
        { "iat 10 minutes in the future", "iat is in the future" },
        { "exp as a string", "exp must be a number" },
        { "crit header", "critical header" },
        { "service token at the feedback endpoint", "aud is not the URL of the endpoint called" },
        { "feedback token at the service endpoint", "aud is not the URL of the endpoint called" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_breaking_a_cds_hooks_rule_is_401_saying_which(string token, string detail)
    {
        var (path, jwt) = Request(token);

        var response = await SendAsync(path, jwt);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string> AcceptedTokens() => ["lifetime of exactly 5 minutes", "lifetime within the skew", "no iat and 5 minutes left", "iat a few seconds ahead", "feedback token at the feedback endpoint"];

    [Theory]
    [MemberData(nameof(AcceptedTokens))]
    public async Task A_token_within_the_rules_is_accepted(string token)
    {
        var (path, jwt) = Request(token);

        var response = await SendAsync(path, jwt);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static (string Path, string Token) Request(string token)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return token switch
        {
            "lifetime of 10 minutes from iat" => (ServicePath, Signed(Claims(iat: now - 60, exp: now + 540))),
            "lifetime of 10 minutes without iat" => (ServicePath, Signed(Claims(iat: null, exp: now + 600))),
            "iat 10 minutes in the future" => (ServicePath, Signed(Claims(iat: now + 600, exp: now + 660))),
            "exp as a string" => (ServicePath, Signed(Claims(iat: now, exp: null, extra: new() { ["exp"] = (now + 120).ToString(System.Globalization.CultureInfo.InvariantCulture) }))),
            "crit header" => (ServicePath, Signed(Claims(iat: now, exp: now + 120), new Dictionary<string, object> { ["crit"] = new[] { "x-unknown" }, ["x-unknown"] = 1 })),
            "service token at the feedback endpoint" => (FeedbackPath, Signed(Claims(iat: now, exp: now + 120))),
            "feedback token at the service endpoint" => (ServicePath, Signed(Claims(iat: now, exp: now + 120, audience: CdsHooksApiFactory.FeedbackUrl))),
            "lifetime of exactly 5 minutes" => (ServicePath, Signed(Claims(iat: now, exp: now + 300))),
            "lifetime within the skew" => (ServicePath, Signed(Claims(iat: now, exp: now + 330))),
            "no iat and 5 minutes left" => (ServicePath, Signed(Claims(iat: null, exp: now + 300))),
            "iat a few seconds ahead" => (ServicePath, Signed(Claims(iat: now + 5, exp: now + 120))),
            "feedback token at the feedback endpoint" => (FeedbackPath, Signed(Claims(iat: now, exp: now + 120, audience: CdsHooksApiFactory.FeedbackUrl))),
            _ => throw new ArgumentOutOfRangeException(nameof(token)),
        };
    }

    private static Dictionary<string, object> Claims(long? iat, long? exp, string audience = CdsHooksApiFactory.ServiceUrl, Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = CdsHooksApiFactory.RsaIssuer,
            ["aud"] = audience,
            ["jti"] = Guid.NewGuid().ToString(),
            ["sub"] = "ehr-client",
        };
        if (iat is not null)
        {
            claims["iat"] = iat.Value;
        }

        if (exp is not null)
        {
            claims["exp"] = exp.Value;
        }

        foreach (var (name, value) in extra ?? [])
        {
            claims[name] = value;
        }

        return claims;
    }

    private static string Signed(Dictionary<string, object> claims, Dictionary<string, object>? header = null) =>
        new JsonWebTokenHandler().CreateToken(
            JsonSerializer.Serialize(claims),
            new SigningCredentials(CdsHooksApiFactory.RsaKey, SecurityAlgorithms.RsaSha384),
            header ?? []);

    private async Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = path == FeedbackPath
            ? """{"feedback":[{"card":"00000000-0000-0000-0000-000000000000","outcome":"accepted","outcomeTimestamp":"2026-11-27T10:00:00Z"}]}"""
            : CdsHookCalls.Hook(prefetch: CdsHookCalls.Searchset(CdsHookCalls.ResponseFor("refer"))).ToJsonString();
        return await client.PostAsync(path, JsonContent.Of(body));
    }
}
