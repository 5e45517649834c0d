using System.Net;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using Screening.Api.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace Screening.Api.Tests;

[Collection(SharedApi.Name)]
public class ScreeningEndpointTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAuthorizedClient();

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public async Task Each_named_example_yields_its_category_with_sourced_reasons(string name)
    {
        var response = await _client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named(name).Json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(name, root.GetProperty("outcome").GetProperty("category").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("ruleset").GetProperty("hash").GetString());
        Assert.NotEmpty(root.GetProperty("reasons").EnumerateArray());
        foreach (var reason in root.GetProperty("reasons").EnumerateArray())
        {
            Assert.Matches("^[A-Z0-9_]+$", reason.GetProperty("ruleId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("source").GetProperty("citation").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public async Task Each_named_example_response_matches_its_snapshot(string name)
    {
        var response = await _client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named(name).Json));

        // The decision id and time differ on every call; the snapshot keeps a placeholder so it stays byte-stable.
        var body = JToken.Parse(await response.Content.ReadAsStringAsync());
        body["decisionId"] = "(differs per call)";
        body["evaluatedAt"] = "(differs per call)";
        Snapshot.Match(body, SnapshotNameExtension.Create(name));
    }
}
