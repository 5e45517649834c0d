using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Operations;

/// <summary>
/// Traces: an activity per evaluation with the engine's work as its child; exported over OTLP when, and only when,
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, with nothing of the request in them.
/// </summary>
[Collection(SharedApi.Name)]
public class TracingTests(ApiFactory factory)
{
    [Fact]
    public async Task An_evaluation_is_an_activity_with_the_rules_as_its_child()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Screening",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var response = await factory.CreateAuthorizedClient().PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));
        var decision = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("decisionId").GetString();

        var evaluation = Assert.Single(activities, a => a.OperationName == "screening.evaluate" && a.GetTagItem("screening.decision.id")?.ToString() == decision);
        Assert.Equal("rest", evaluation.GetTagItem("screening.channel"));
        Assert.Equal("refer", evaluation.GetTagItem("screening.outcome.category"));
        Assert.Single(activities, a => a.OperationName == "screening.rules" && a.ParentSpanId == evaluation.SpanId);
    }

    [Fact]
    public void Without_an_otlp_endpoint_nothing_is_exported()
    {
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_evaluations_are_exported_without_request_data()
    {
        using var collector = new OtlpCollector();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        using var client = new HttpClient { BaseAddress = service.Address };
        client.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.ApiKey);

        var response = await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var traces = await collector.WaitForAsync(["screening.rules", "screening.evaluate", "/v1/screenings"], TimeSpan.FromSeconds(20));

        Assert.Contains("screening.evaluate", traces, StringComparison.Ordinal);
        Assert.Contains("screening.decision.id", traces, StringComparison.Ordinal);
        Assert.Contains("/v1/screenings", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("sertraline", traces, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1980-05-14", traces, StringComparison.Ordinal);
    }

    /// <summary>A stand-in OTLP/HTTP collector: accepts POST /v1/traces and keeps the (protobuf) bodies.</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<byte[]> _bodies = new();

        public OtlpCollector()
        {
            var port = FreePort();
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        /// <summary>All bodies received, as text (the strings in protobuf are UTF-8), once they contain every marker (spans arrive in batches).</summary>
        public async Task<string> WaitForAsync(string[] markers, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                var text = string.Concat(_bodies.Select(b => Encoding.UTF8.GetString(b)));
                if (markers.All(marker => text.Contains(marker, StringComparison.Ordinal)))
                {
                    return text;
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"No OTLP exports containing {string.Join(", ", markers)} arrived.");
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    _bodies.Enqueue(body.ToArray());
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
