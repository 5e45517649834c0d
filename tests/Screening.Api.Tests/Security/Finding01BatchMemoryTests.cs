using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Screening.Api.Security;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>Measured alone: the allocation test reads the process-wide allocation counter, and the hostile-input tests time each answer.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Serial
{
    public const string Name = "serial";
}

/// <summary>A service with a small rate limit, for per-item batch permits.</summary>
public sealed class TwentyPerMinuteApiFactory() : ApiFactory(new Dictionary<string, string?> { ["Screening:RateLimit:PermitsPerMinute"] = "20" });

/// <summary>A service that reads one request body at a time and queues none.</summary>
public sealed class OneBodyAtATimeApiFactory() : ApiFactory(new Dictionary<string, string?>
{
    ["Screening:RateLimit:ConcurrentBodies"] = "1",
    ["Screening:RateLimit:QueuedBodies"] = "0",
});

/// <summary>
/// Finding 1 (high): one key holder could exhaust memory with 1 MB batch bodies of half a million array elements, which
/// were materialised before the 100-item limit was checked. Now structure is checked while the body is read, bodies in
/// flight are bounded, and a batch costs a rate-limit permit per item.
/// </summary>
[Collection(Serial.Name)]
public class Finding01BatchMemoryTests(TwentyPerMinuteApiFactory twentyPerMinute, OneBodyAtATimeApiFactory oneBody)
    : IClassFixture<TwentyPerMinuteApiFactory>, IClassFixture<OneBodyAtATimeApiFactory>
{
    private static string ZeroItems(int count) => "{\"items\":[" + string.Join(',', Enumerable.Repeat("0", count)) + "]}";

    [Fact]
    public async Task A_batch_of_524000_elements_is_refused_while_read_without_materialising_them()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateAuthorizedClient();
        var body = ZeroItems(524_000);
        Assert.InRange(body.Length, 1_000_000, 1024 * 1024);
        await client.PostAsync("/v1/screenings/batch", JsonContent.Of(ZeroItems(101)));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.PostAsync("/v1/screenings/batch", JsonContent.Of(body));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal("must be an array of at most 100 items", errors["items"]![0]!.GetValue<string>());
        // The body itself passes through the test client and server (a few MB); materialising the elements took hundreds.
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated for one refused batch");
    }

    public static TheoryData<string, string, string> OverLongArrays() => new()
    {
        { "treatmentTrials", "{\"treatmentTrials\":[" + string.Join(',', Enumerable.Repeat("""{"condition":"depression","kind":"medication","drug":"x"}""", 31)) + "]}", "must be an array of at most 30 items" },
        { "vitals.bloodPressureReadings", "{\"vitals\":{\"bloodPressureReadings\":[" + string.Join(',', Enumerable.Repeat("""{"systolicMmHg":120,"diastolicMmHg":80}""", 4)) + "]}}", "must be an array of at most 3 items" },
    };

    [Theory]
    [MemberData(nameof(OverLongArrays))]
    public async Task Every_array_of_an_item_is_limited_as_it_is_read(string field, string body, string message)
    {
        using var factory = new ApiFactory();
        var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/v1/screenings", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
        Assert.True(problem["checkStoppedEarly"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_batch_costs_one_rate_limit_permit_per_item()
    {
        var client = twentyPerMinute.CreateAuthorizedClient();
        var refer = Examples.Named("refer").Json;
        string Batch(int items) => "{\"items\":[" + string.Join(',', Enumerable.Repeat(refer, items)) + "]}";

        var first = await client.PostAsync("/v1/screenings/batch", JsonContent.Of(Batch(15)));
        var second = await client.PostAsync("/v1/screenings/batch", JsonContent.Of(Batch(10)));
        var single = await client.PostAsync("/v1/screenings", JsonContent.Of(refer));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
    }

    [Fact]
    public async Task Bodies_in_flight_are_bounded_and_the_next_one_is_told_to_retry()
    {
        // Without the factory's redirect handler, which buffers a request body before sending it.
        var client = oneBody.CreateDefaultClient();
        client.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.ApiKey);
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "10.9.9.9");
        var slow = new SlowContent();

        var held = client.PostAsync("/v1/screenings", slow);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await BodyPermitTakenAsync();
        var refused = await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));
        slow.Finish();
        var first = await held;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    /// <summary>Waits until the held request has taken the one body permit (the limiter's own statistics say so).</summary>
    private async Task BodyPermitTakenAsync()
    {
        var limiter = oneBody.Services.GetRequiredService<ScreeningRateLimiter>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (limiter.Bodies.InFlight == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>A body that starts, then waits: it holds its place among the bodies being read.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowContent() => Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish() => _finish.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var json = Encoding.UTF8.GetBytes(Examples.Named("refer").Json);
            await stream.WriteAsync(json.AsMemory(0, 10));
            await stream.FlushAsync();
            Started.TrySetResult();
            await _finish.Task;
            await stream.WriteAsync(json.AsMemory(10));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
