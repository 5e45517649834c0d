using System.Net;
using Hl7.Fhir.Serialization;
using System.Text.Json.Nodes;
using Screening.Api.Tests.CdsHooks;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 6 (low): a line break in <c>fhirAuthorization.access_token</c> made the outbound request throw: a 500. The
/// token's characters are now validated (RFC 6750 b64token), and the outbound client treats anything the client's data
/// does to its request as "no answer", never a 500.
/// </summary>
public class Finding06AccessTokenTests(CdsHooksApiFactory factory) : IClassFixture<CdsHooksApiFactory>
{
    public static TheoryData<string> BadTokens() => ["abc\r\nX-Injected: 1", "abc\ndef", "abc def", "caf\u00e9", "abc\u0000"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_with_characters_a_header_cannot_carry_is_a_400_naming_the_field(string accessToken)
    {
        var hook = CdsHookCalls.Hook(fhirServer: CdsHooksApiFactory.AllowedFhirServer, accessToken: accessToken);

        var response = await CdsHookCalls.Client(factory).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.NotNull(JsonNode.Parse(body)!["errors"]!["fhirAuthorization.access_token"]);
        Assert.DoesNotContain(accessToken, body, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Outbound.Requests, r => r.Authorization?.Contains(accessToken, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_token_of_every_b64token_character_is_sent_on()
    {
        const string token = "aZ09-._~+/==";
        factory.Outbound.FhirSearchResult = CdsHookCalls.Serializer.SerializeToString(CdsHookCalls.Searchset(CdsHookCalls.ResponseFor("refer")));
        var hook = CdsHookCalls.Hook(fhirServer: CdsHooksApiFactory.AllowedFhirServer, accessToken: token);

        var response = await CdsHookCalls.Client(factory).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(factory.Outbound.Requests, r => r.Authorization == $"Bearer {token}");
    }
}
