using System.Net;
using Microsoft.IdentityModel.Tokens;
using Screening.Api.Tests.CdsHooks;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>The CDS Hooks service with 20 permits a minute, and 10 for requests without valid credentials.</summary>
public sealed class SmallLimitsCdsHooksApiFactory() : CdsHooksApiFactory(new Dictionary<string, string?>
{
    ["Screening:RateLimit:PermitsPerMinute"] = "20",
    ["Screening:RateLimit:UnauthenticatedPermitsPerMinute"] = "10",
});

/// <summary>The same limits behind a reverse proxy at 10.1.1.1 (the test server's remote address).</summary>
public sealed class BehindProxyApiFactory() : ApiFactory(new Dictionary<string, string?>
{
    ["Screening:RateLimit:PermitsPerMinute"] = "20",
    ["Screening:RateLimit:UnauthenticatedPermitsPerMinute"] = "3",
    ["Screening:Network:KnownProxies:0"] = TestRemoteAddress.Default,
});

/// <summary>Limits as in <see cref="BehindProxyApiFactory"/>, with no proxy configured.</summary>
public sealed class NoProxyApiFactory() : ApiFactory(new Dictionary<string, string?>
{
    ["Screening:RateLimit:PermitsPerMinute"] = "20",
    ["Screening:RateLimit:UnauthenticatedPermitsPerMinute"] = "3",
});

/// <summary>
/// Finding 2 (medium): 25 requests with wrong keys from one address made the health probes, discovery and a CDS call with
/// a valid JWT answer 429. Now limits are partitioned after authentication, failed authentication has its own smaller
/// bucket per address, probes are never limited, and behind configured proxies the client address is the forwarded one.
/// </summary>
public class Finding02RateLimitPartitionTests(SmallLimitsCdsHooksApiFactory cds, BehindProxyApiFactory behindProxy, NoProxyApiFactory noProxy)
    : IClassFixture<SmallLimitsCdsHooksApiFactory>, IClassFixture<BehindProxyApiFactory>, IClassFixture<NoProxyApiFactory>
{
    [Fact]
    public async Task Wrong_keys_from_one_address_throttle_only_wrong_keys()
    {
        var attacker = cds.CreateClient();
        attacker.DefaultRequestHeaders.Add("X-API-Key", "wrong-key");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            answers.Add((await attacker.GetAsync("/v1/ruleset")).StatusCode);
        }

        Assert.Equal(10, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.Equal(15, answers.Count(a => a == HttpStatusCode.TooManyRequests));

        var anonymous = cds.CreateClient();
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/cds-services")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cds.CreateAuthorizedClient().GetAsync("/v1/ruleset")).StatusCode);
        var hook = CdsHookCalls.Hook(prefetch: CdsHookCalls.Searchset(CdsHookCalls.ResponseFor("refer")));
        var call = await CdsHookCalls.Client(cds).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
    }

    [Fact]
    public async Task Each_cds_issuer_has_its_own_window()
    {
        // The EC issuer, so the RSA issuer's window stays for the other test.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 22; i++)
        {
            var hook = CdsHookCalls.Hook(prefetch: CdsHookCalls.Searchset(CdsHookCalls.ResponseFor("refer")));
            var token = CdsHooksApiFactory.Token(CdsHooksApiFactory.EcIssuer, new SigningCredentials(CdsHooksApiFactory.EcKey, SecurityAlgorithms.EcdsaSha384));
            answers.Add((await CdsHookCalls.Client(cds, token).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook.ToJsonString()))).StatusCode);
        }

        Assert.Equal(20, answers.Count(a => a == HttpStatusCode.OK));

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.OK, (await cds.CreateAuthorizedClient().GetAsync("/v1/ruleset")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_bucket()
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustAsync(behindProxy, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongKey(behindProxy, "203.0.113.8").GetAsync("/v1/ruleset")).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustAsync(noProxy, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongKey(noProxy, "198.51.100.8").GetAsync("/v1/ruleset")).StatusCode);
    }

    private static HttpClient WrongKey(ApiFactory factory, string forwardedFor)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", "wrong-key");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static async Task<HttpStatusCode> ExhaustAsync(ApiFactory factory, string forwardedFor)
    {
        var client = WrongKey(factory, forwardedFor);
        var last = HttpStatusCode.OK;
        for (var i = 0; i < 4; i++)
        {
            last = (await client.GetAsync("/v1/ruleset")).StatusCode;
        }

        return last;
    }
}
