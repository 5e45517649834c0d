using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Screening.Api.Tests.CdsHooks;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 4 (low): the JWT library's failure text (IDX10205 quoting the attacker's issuer, IDX10503 quoting the kid) was
/// logged at Information as FailureMessage. Now only the failure class (the IDX code) reaches the log.
/// </summary>
public class Finding04JwtFailureTextTests(CdsHooksApiFactory factory) : IClassFixture<CdsHooksApiFactory>
{
    public static TheoryData<string> SpoiledTokens() => ["issuer", "kid"];

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task Token_text_the_library_quotes_is_not_logged(string spoiled)
    {
        var marker = "CANARY" + Guid.NewGuid().ToString("N")[..12];
        var token = spoiled switch
        {
            // IDX10205-style: an issuer the service does not trust, quoted by the library.
            "issuer" => CdsHooksApiFactory.Token($"https://{marker}.test", new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha384)),
            // IDX10503-style: a trusted issuer, but a key id it does not have, quoted by the library.
            _ => CdsHooksApiFactory.Token(credentials: new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = marker }, SecurityAlgorithms.RsaSha384)),
        };
        var before = factory.Logs.Events.Count;

        var hook = CdsHookCalls.Hook(prefetch: CdsHookCalls.Searchset(CdsHookCalls.ResponseFor("refer")));
        var response = await CdsHookCalls.Client(factory, token).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook.ToJsonString()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(marker, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var logged = factory.Logs.Events.Skip(before).ToArray();
        Assert.DoesNotContain(logged, e => e.Contains(marker, StringComparison.OrdinalIgnoreCase));
        // The failure is still logged, as its class.
        Assert.Contains(logged, e => e.Contains("was not authenticated", StringComparison.Ordinal) && e.Contains("(details redacted)", StringComparison.Ordinal));
    }
}
