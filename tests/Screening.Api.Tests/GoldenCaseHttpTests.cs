using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Screening.Api.Tests.Infrastructure;
using Screening.Tests.Golden;

namespace Screening.Api.Tests;

/// <summary>The golden cases again, through the HTTP API, and the determinism of every answer.</summary>
[Collection(SharedApi.Name)]
public class GoldenCaseHttpTests(ApiFactory factory, PolicyApis policies) : IClassFixture<PolicyApis>
{
    private HttpClient ClientFor(GoldenCase golden) => policies.ClientFor(golden, factory);

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public async Task Golden_case_gives_its_expected_outcome_over_http(string name)
    {
        var golden = GoldenCase.Named(name);

        var response = await ClientFor(golden).PostAsync("/v1/screenings", JsonContent.Of(golden.RequestJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var differences = golden.Expected.Differences(GoldenExpectation.Observed(json.RootElement));
        Assert.True(differences.Count == 0, $"{name}: {string.Join("; ", differences)}");
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public async Task The_same_input_gives_byte_identical_results_apart_from_decision_id_and_time(string name)
    {
        var golden = GoldenCase.Named(name);
        var client = ClientFor(golden);

        var first = await Comparable(await client.PostAsync("/v1/screenings", JsonContent.Of(golden.RequestJson)));
        var second = await Comparable(await client.PostAsync("/v1/screenings", JsonContent.Of(golden.RequestJson)));

        Assert.Equal(first, second);
    }

    private static async Task<string> Comparable(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var node = JsonNode.Parse(body)!.AsObject();
        Assert.True(Guid.TryParse(node["decisionId"]!.GetValue<string>(), out _));
        Assert.True(DateTimeOffset.TryParse(node["evaluatedAt"]!.GetValue<string>(), out _));
        return body.Replace(node["decisionId"]!.GetValue<string>(), "ID", StringComparison.Ordinal)
            .Replace(node["evaluatedAt"]!.GetValue<string>(), "TIME", StringComparison.Ordinal);
    }
}
