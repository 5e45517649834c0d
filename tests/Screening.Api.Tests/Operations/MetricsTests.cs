using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Operations;

/// <summary>The service with <c>/metrics</c> turned off.</summary>
public sealed class MetricsOffApiFactory() : ApiFactory(new Dictionary<string, string?> { ["Screening:Metrics:Enabled"] = "false" });

/// <summary>The service with <c>/metrics</c> on its own port.</summary>
public sealed class MetricsPortApiFactory() : ApiFactory(new Dictionary<string, string?> { ["Screening:Metrics:Port"] = "9464" });

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format: ASP.NET Core's request histograms and the <c>Screening</c> meter
/// (decisions by category, channel and ruleset version; rule firings by rule id; evaluation duration), moved by the
/// right amounts, with no request data in any label.
/// </summary>
/// <remarks>Alone: the OpenTelemetry listener of every test host in the process sees every <c>Screening</c> meter.</remarks>
[Collection(Screening.Api.Tests.Security.Serial.Name)]
public class MetricsTests(ApiFactory factory, MetricsOffApiFactory off, MetricsPortApiFactory ownPort)
    : IClassFixture<ApiFactory>, IClassFixture<MetricsOffApiFactory>, IClassFixture<MetricsPortApiFactory>
{
    private const string Canary = "zzcanarydrug";

    [Fact]
    public async Task Decisions_rule_firings_and_durations_are_counted_by_channel()
    {
        var client = factory.CreateAuthorizedClient();
        var before = await ScrapeAsync();

        // Two refer screenings (one naming a drug the vocabulary does not know), one urgent, and a batch of three refer.
        var refer = Examples.Named("refer").Json;
        var answers = new[]
        {
            await PostAsync(client, "/v1/screenings", refer),
            await PostAsync(client, "/v1/screenings", refer.Replace("\"sertraline\"", $"\"{Canary}\"", StringComparison.Ordinal)),
            await PostAsync(client, "/v1/screenings", Examples.Named("urgent-crisis-referral").Json),
            await PostAsync(client, "/v1/screenings/batch", $$"""{"items":[{{refer}},{{refer}},{{refer}}]}"""),
        };
        await PostAsync(client, "/v1/screenings", "{\"patient\":{\"sexAtBirth\":\"" + Canary + "\"}}", HttpStatusCode.BadRequest);
        var after = await ScrapeAsync();

        string Decisions(string category, string channel) => $"screening_decisions_total{{otel_scope_name=\"Screening\",category=\"{category}\",channel=\"{channel}\",ruleset_version=\"{RulesetVersion()}\"}}";
        Assert.Equal(2, Value(after, Decisions("refer", "rest")) - Value(before, Decisions("refer", "rest")));
        Assert.Equal(1, Value(after, Decisions("urgent-crisis-referral", "rest")) - Value(before, Decisions("urgent-crisis-referral", "rest")));
        Assert.Equal(3, Value(after, Decisions("refer", "batch")) - Value(before, Decisions("refer", "batch")));

        // IND_TRD as often as the answers give it as a reason (the urgent example establishes TRD too).
        const string trd = "screening_rule_firings_total{otel_scope_name=\"Screening\",rule_id=\"IND_TRD\"}";
        var trdReasons = answers.Sum(a => Regex.Count(a, "\"ruleId\":\"IND_TRD\",\"kind\""));
        Assert.Equal(6, trdReasons);
        Assert.Equal(trdReasons, Value(after, trd) - Value(before, trd));
        const string evaluations = "screening_evaluation_duration_seconds_count{otel_scope_name=\"Screening\",channel=\"rest\"}";
        Assert.Equal(3, Value(after, evaluations) - Value(before, evaluations));

        Assert.Contains("http_server_request_duration_seconds_bucket{", after, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/v1/screenings/\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sertraline", after, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Metrics_are_anonymous_and_in_prometheus_text_format()
    {
        await PostAsync(factory.CreateAuthorizedClient(), "/v1/screenings", Examples.Named("refer").Json);
        await Task.Delay(350);
        var response = await factory.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE screening_decisions_total counter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_can_be_turned_off()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await off.CreateAuthorizedClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_on_their_own_port_are_not_served_on_the_api_port()
    {
        var client = ownPort.CreateAuthorizedClient();

        var onApiPort = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://localhost:8080/metrics"));
        var onMetricsPort = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://localhost:9464/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, onApiPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onMetricsPort.StatusCode);
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync(path, JsonContent.Of(json));
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A scrape; the exporter serves one scrape for 300 ms, so each waits that long first.</summary>
    private async Task<string> ScrapeAsync()
    {
        await Task.Delay(350);
        return await factory.CreateClient().GetStringAsync("/metrics");
    }

    private static string RulesetVersion() => Screening.Rules.RulesetInfo.Version;

    /// <summary>The value of one series (0 when it is not there yet).</summary>
    private static double Value(string scrape, string series)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
