using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

/// <summary>On SIGTERM the service reports not ready first, keeps serving while it drains, and finishes requests in flight.</summary>
public class ShutdownTests
{
    /// <summary>A body sent in two halves, the second only when the test says so: a request kept in flight.</summary>
    private sealed class HeldBackContent(byte[] body, Task release) : HttpContent
    {
        public TaskCompletionSource FirstHalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = body.Length / 2;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            FirstHalfSent.SetResult();
            await release;
            await stream.WriteAsync(body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    [Fact]
    public async Task Sigterm_turns_readiness_unhealthy_first_and_lets_the_request_in_flight_finish()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["Screening__Shutdown__DrainSeconds"] = "3" });
        using var client = new HttpClient { BaseAddress = service.Address };
        client.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.ApiKey);

        var release = new TaskCompletionSource();
        var body = new HeldBackContent(Encoding.UTF8.GetBytes(Examples.Named("refer").Json), release.Task);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var inFlight = client.PostAsync("/v1/screenings", body);
        await body.FirstHalfSent.Task;

        service.Terminate();

        using var probe = new HttpClient { BaseAddress = service.Address };
        var readiness = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 20 && readiness == HttpStatusCode.OK; attempt++)
        {
            readiness = (await probe.GetAsync("/health/ready")).StatusCode;
            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);

        release.SetResult();
        var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("refer", result.RootElement.GetProperty("outcome").GetProperty("category").GetString());

        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the service did not exit after SIGTERM");
        Assert.Equal(0, service.ExitCode);
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>());
        using var client = new HttpClient { BaseAddress = service.Address };

        var response = await client.GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Server"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
