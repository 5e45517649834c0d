using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.DecisionRecord;

/// <summary>
/// Idempotency-Key: a retry by the same client with the same key gets the original response (the same decision ids),
/// never a second decision; the key with another request is a 422; another client's key is its own.
/// </summary>
public class IdempotencyTests(RecordApiFactory factory) : IClassFixture<RecordApiFactory>
{
    [Theory]
    [InlineData("/v1/screenings")]
    [InlineData("/v1/screenings/batch")]
    public async Task A_retry_with_the_same_key_gets_the_original_response(string path)
    {
        var client = factory.CreateAuthorizedClient();
        var body = Body(path, "refer");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, path, body, key);
        var retry = await PostAsync(client, path, body, key);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await retry.Content.ReadAsByteArrayAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
    }

    [Fact]
    public async Task The_same_request_with_whitespace_and_order_changed_is_the_same_request()
    {
        var client = factory.CreateAuthorizedClient();
        var key = Guid.NewGuid().ToString();
        var reordered = JsonNode.Parse(Examples.Named("refer").Json)!.AsObject();
        var patient = reordered["patient"]!;
        reordered.Remove("patient");
        reordered["patient"] = patient;

        var first = await (await PostAsync(client, "/v1/screenings", Examples.Named("refer").Json, key)).Content.ReadAsStringAsync();
        var retry = await PostAsync(client, "/v1/screenings", reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), key);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(first, await retry.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/v1/screenings")]
    [InlineData("/v1/screenings/batch")]
    public async Task The_key_with_a_different_request_is_a_422_naming_the_header(string path)
    {
        var client = factory.CreateAuthorizedClient();
        var key = Guid.NewGuid().ToString();
        await PostAsync(client, path, Body(path, "refer"), key);

        var other = await PostAsync(client, path, Body(path, "urgent-crisis-referral"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await other.Content.ReadAsStringAsync())!["errors"]!["Idempotency-Key"]);
    }

    [Fact]
    public async Task A_decision_made_with_a_key_keeps_its_request_for_replay()
    {
        // With a key, the record keeps the canonical request the key was compared with: it must replay as the original.
        var client = factory.CreateAuthorizedClient();
        var id = DecisionId(await (await PostAsync(client, "/v1/screenings", Examples.Named("refer").Json, Guid.NewGuid().ToString())).Content.ReadAsStringAsync());

        var replay = await client.PostAsync($"/v1/screenings/{id}/replay", null);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var answer = JsonNode.Parse(await replay.Content.ReadAsStringAsync())!;
        Assert.False(answer["changed"]!.GetValue<bool>());
        Assert.Equal("refer", answer["current"]!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_client_with_the_same_key_gets_its_own_decision()
    {
        var key = Guid.NewGuid().ToString();

        var mine = await (await PostAsync(factory.CreateAuthorizedClient(), "/v1/screenings", Examples.Named("refer").Json, key)).Content.ReadAsStringAsync();
        var theirs = await (await PostAsync(factory.ClientWithKey(RecordApiFactory.OtherKey), "/v1/screenings", Examples.Named("refer").Json, key)).Content.ReadAsStringAsync();

        Assert.NotEqual(DecisionId(mine), DecisionId(theirs));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_make_one_decision()
    {
        var client = factory.ClientWithKey(RecordApiFactory.OtherKey);
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ => await PostAsync(client, "/v1/screenings", Examples.Named("refer").Json, key)));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(bodies.Select(DecisionId).Distinct());
        Assert.Equal(before + 1, await CountAsync());
    }

    [Theory]
    [InlineData("over-long")]
    [InlineData("a,b")]
    [InlineData("key with spaces")]
    public async Task A_malformed_key_is_a_400_naming_the_header(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screenings") { Content = JsonContent.Of(Examples.Named("refer").Json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key == "over-long" ? new string('k', 256) : key);

        var response = await factory.CreateAuthorizedClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["Idempotency-Key"]);
    }

    private static string Body(string path, string example) =>
        path.EndsWith("batch", StringComparison.Ordinal) ? "{\"items\":[" + Examples.Named(example).Json + "," + Examples.Named("refer").Json + "]}" : Examples.Named(example).Json;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Of(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static string DecisionId(string body) => JsonDocument.Parse(body).RootElement.GetProperty("decisionId").GetString()!;

    private async Task<int> CountAsync() =>
        JsonNode.Parse(await factory.ClientWithKey(RecordApiFactory.OtherKey).GetStringAsync("/v1/screenings?limit=500"))!["items"]!.AsArray().Count;
}
