using System.Net;
using Hl7.Fhir.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.DecisionRecord;

/// <summary>
/// The decision record over HTTP: every decision committed before its response and looked up byte-identical, whatever
/// the channel; a client sees its own, auditors all, others get the 404 an unknown id gets; summaries paged.
/// </summary>
public class DecisionRecordHttpTests(RecordApiFactory factory) : IClassFixture<RecordApiFactory>
{
    private readonly HttpClient _client = factory.CreateAuthorizedClient();

    [Fact]
    public async Task A_decision_is_looked_up_byte_identical_to_the_response_sent()
    {
        var sent = await (await _client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json))).Content.ReadAsByteArrayAsync();
        var id = JsonDocument.Parse(sent).RootElement.GetProperty("decisionId").GetString();

        var got = await _client.GetAsync($"/v1/screenings/{id}");

        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("application/json", got.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sent, await got.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Every_batch_item_is_looked_up_byte_identical_to_its_place_in_the_batch()
    {
        var refer = Examples.Named("refer").Json;
        var body = "{\"items\":[" + refer + ",{\"vitals\":{\"systolicMmHg\":999}}," + Examples.Named("urgent-crisis-referral").Json + "]}";
        var sent = await (await _client.PostAsync("/v1/screenings/batch", JsonContent.Of(body))).Content.ReadAsStringAsync();

        var results = JsonNode.Parse(sent)!["results"]!.AsArray();
        foreach (var result in results.Where(r => r!["status"]!.GetValue<int>() == 200))
        {
            var id = result!["result"]!["decisionId"]!.GetValue<string>();
            var got = await _client.GetStringAsync($"/v1/screenings/{id}");
            Assert.Contains(got, sent, StringComparison.Ordinal);
        }

        Assert.Equal(2, results.Count(r => r!["status"]!.GetValue<int>() == 200));
    }

    [Fact]
    public async Task An_evaluate_guidance_response_is_looked_up_byte_identical()
    {
        var questionnaireResponse = Screening.Fhir.QuestionnaireResponseBuilder.FromRequest(Examples.Named("refer").Request, TestFhir.Canonicals, null);
        var json = new FhirJsonSerializer().SerializeToString(questionnaireResponse);
        var response = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", JsonContent.Of(json, "application/fhir+json"));
        var sent = await response.Content.ReadAsByteArrayAsync();
        var id = JsonDocument.Parse(sent).RootElement.GetProperty("id").GetString();

        var guidance = await _client.GetAsync($"/fhir/GuidanceResponse/{id}");
        var result = await _client.GetAsync($"/v1/screenings/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sent, await guidance.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/fhir+json", guidance.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(id, JsonDocument.Parse(await result.Content.ReadAsStringAsync()).RootElement.GetProperty("decisionId").GetString());
    }

    [Fact]
    public async Task Another_clients_decision_gets_the_same_404_as_an_unknown_id()
    {
        var sent = await (await _client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json))).Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(sent).RootElement.GetProperty("decisionId").GetString();
        var other = factory.ClientWithKey(RecordApiFactory.OtherKey);

        var foreign = await other.GetAsync($"/v1/screenings/{id}");
        var unknown = await other.GetAsync($"/v1/screenings/{Guid.CreateVersion7()}");
        var foreignReplay = await other.PostAsync($"/v1/screenings/{id}/replay", null);
        var auditor = await factory.ClientWithKey(RecordApiFactory.AuditorKey).GetStringAsync($"/v1/screenings/{id}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignReplay.StatusCode);
        Assert.Equal(Without(await unknown.Content.ReadAsStringAsync(), "traceId"), Without(await foreign.Content.ReadAsStringAsync(), "traceId"));
        Assert.Equal(sent, auditor);
    }

    [Fact]
    public async Task An_id_that_is_not_a_uuid_gets_a_404_with_the_same_title_and_type_as_an_unknown_id()
    {
        var malformed = await _client.GetAsync("/v1/screenings/not-a-decision-id");
        var unknown = await _client.GetAsync($"/v1/screenings/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        var malformedProblem = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()).RootElement;
        var unknownProblem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Not Found", unknownProblem.GetProperty("title").GetString());
        Assert.Equal(unknownProblem.GetProperty("title").GetString(), malformedProblem.GetProperty("title").GetString());
        Assert.Equal(unknownProblem.GetProperty("type").GetString(), malformedProblem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Summaries_are_a_clients_own_newest_first_paged_and_hold_no_answers()
    {
        var mine = factory.ClientWithKey(RecordApiFactory.OtherKey);
        var ids = new List<string>();
        foreach (var example in new[] { "refer", "insufficient-information", "refer", "urgent-crisis-referral", "refer" })
        {
            var body = await (await mine.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named(example).Json))).Content.ReadAsStringAsync();
            ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("decisionId").GetString()!);
        }

        var first = JsonNode.Parse(await mine.GetStringAsync("/v1/screenings?limit=3"))!;
        var second = JsonNode.Parse(await mine.GetStringAsync($"/v1/screenings?limit=3&cursor={first["nextCursor"]}"))!;
        var insufficient = JsonNode.Parse(await mine.GetStringAsync("/v1/screenings?category=insufficient-information"))!["items"]!.AsArray();

        ids.Reverse();
        Assert.Equal(ids, first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!["decisionId"]!.GetValue<string>()));
        Assert.Null(second["nextCursor"]);
        Assert.All(first["items"]!.AsArray(), i => Assert.Equal(RecordApiFactory.OtherClient, i!["clientId"]!.GetValue<string>()));
        var summary = Assert.Single(insufficient)!;
        Assert.NotEmpty(summary["blockingMissing"]!.AsArray());
        Assert.DoesNotContain("sertraline", summary.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("category=maybe", "category")]
    [InlineData("from=yesterday", "from")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    public async Task A_bad_listing_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var response = await _client.GetAsync($"/v1/screenings?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![parameter]);
    }

    private static string Without(string json, string property)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return node.ToJsonString();
    }
}
