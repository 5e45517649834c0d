using System.Net;
using System.Text;
using Screening.Api.Screenings;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

[Collection(SharedApi.Name)]
public class LimitTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAuthorizedClient();

    /// <summary>A valid body padded with JSON whitespace to exactly <paramref name="bytes"/> bytes.</summary>
    private static string PaddedTo(string json, int bytes) => json + new string(' ', bytes - Encoding.UTF8.GetByteCount(json));

    [Fact]
    public async Task A_screening_of_exactly_64_KiB_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/v1/screenings", JsonContent.Of(PaddedTo(Examples.Named("refer").Json, ScreeningsApi.MaxScreeningBytes)))).StatusCode);

    [Fact]
    public async Task A_screening_one_byte_over_64_KiB_is_a_413_problem()
    {
        var response = await _client.PostAsync("/v1/screenings", JsonContent.Of(PaddedTo(Examples.Named("refer").Json, ScreeningsApi.MaxScreeningBytes + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_batch_of_exactly_1_MiB_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/v1/screenings/batch",
            JsonContent.Of(PaddedTo($$$"""{"items":[{{{Examples.Named("refer").Json}}}]}""", ScreeningsApi.MaxBatchBytes)))).StatusCode);

    [Fact]
    public async Task A_batch_one_byte_over_1_MiB_is_a_413() =>
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _client.PostAsync("/v1/screenings/batch",
            JsonContent.Of(PaddedTo($$$"""{"items":[{{{Examples.Named("refer").Json}}}]}""", ScreeningsApi.MaxBatchBytes + 1)))).StatusCode);

    [Fact]
    public async Task More_than_30_treatment_trials_are_rejected()
    {
        var trial = """{"condition":"depression","kind":"medication","drug":"x"}""";
        var body = $$$"""{"treatmentTrials":[{{{string.Join(",", Enumerable.Repeat(trial, 31))}}}]}""";

        var response = await _client.PostAsync("/v1/screenings", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("treatmentTrials", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drug_name_over_100_characters_is_rejected()
    {
        var body = $$$"""{"treatmentTrials":[{"condition":"depression","kind":"medication","drug":"{{{new string('x', 101)}}}"}]}""";

        var response = await _client.PostAsync("/v1/screenings", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("treatmentTrials[0].drug", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A service with a rate limit of 3 per minute, to reach it.</summary>
public sealed class RateLimitedApiFactory() : ApiFactory(new Dictionary<string, string?> { ["Screening:RateLimit:PermitsPerMinute"] = "3" });

public class RateLimitTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_problem_with_retry_after()
    {
        var client = factory.CreateAuthorizedClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/ruleset")).StatusCode);
        }

        var limited = await client.GetAsync("/v1/ruleset");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Too Many Requests", problem.GetProperty("title").GetString());
        Assert.Contains("Retry after", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
