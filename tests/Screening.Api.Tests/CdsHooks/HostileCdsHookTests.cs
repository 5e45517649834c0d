using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CsCheck;
using Screening.Api.Tests.Infrastructure;
using static Screening.Api.Tests.CdsHooks.CdsHookCalls;

namespace Screening.Api.Tests.CdsHooks;

/// <summary>
/// Property: whatever a patient-view call is turned into (any element of the call or of its prefetched Bundle replaced
/// by null, a wrong type, an array where a resource belongs, half a surrogate pair, ...; bytes that are not UTF-8; a body
/// cut short), a call with a valid token gets a 200, 400, 412 or 422, never a 5xx. An array as the prefetch was a 500.
/// </summary>
[Collection(Security.Serial.Name)]
public class HostileCdsHookTests(CdsHooksApiFactory factory) : IClassFixture<CdsHooksApiFactory>
{
    private static readonly string Call = Hook(prefetch: Searchset(ResponseFor("refer"))).ToJsonString();

    private static readonly Gen<(string Kind, byte[] Body)> Hostile = HostileJson.VariantsOf(Call);

    [Fact]
    public async Task Every_hostile_call_gets_a_4xx_or_a_card_never_a_5xx()
    {
        var statuses = new ConcurrentDictionary<int, int>();

        await Hostile.SampleAsync(async request =>
        {
            using var content = new ByteArrayContent(request.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await Client(factory).PostAsync("/cds-services/ketamine-referral-screening", content);

            var status = (int)response.StatusCode;
            Assert.True(status is 200 or 400 or 412 or 422, $"{request.Kind}: answered {status}");
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }, iter: 300);

        Assert.True(statuses.GetValueOrDefault(400) >= 100, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
    }
}
