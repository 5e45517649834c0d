using System.Net;
using System.Text.RegularExpressions;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Operations;

/// <summary>
/// Logs people can read: a 400 names its failing fields (model paths only, never values or unknown names); the
/// Development console is text with the decision id; a start-up configuration error is one line naming the setting.
/// </summary>
[Collection(SharedApi.Name)]
public partial class OperationsLoggingTests(ApiFactory factory)
{
    [Fact]
    public async Task A_400_is_logged_with_its_failing_field_paths_and_nothing_of_the_request()
    {
        const string canary = "zzcanaryname";
        var body = "{\"patient\":{\"dateOfBirth\":\"" + canary + "\",\"" + canary + "\":1},\"vitals\":{\"systolicMmHg\":900}}";

        var response = await factory.CreateAuthorizedClient().PostAsync("/v1/screenings", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var line = Assert.Single(factory.Logs.Events, e => e.Contains("responded 400", StringComparison.Ordinal) && e.Contains("InvalidFields", StringComparison.Ordinal) && e.Contains("vitals.systolicMmHg", StringComparison.Ordinal));
        Assert.Contains("\"InvalidFields\":[\"patient.(unknown property)\",\"patient.dateOfBirth\",\"vitals.systolicMmHg\"]", line, StringComparison.Ordinal);
        Assert.Empty(factory.Logs.Containing(canary));
    }

    [Fact]
    public async Task The_development_console_is_readable_text_with_the_decision_id()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        using var client = new HttpClient { BaseAddress = service.Address };
        client.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.ApiKey);

        await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));
        await Task.Delay(300);

        Assert.Contains(service.Output, line => ReadableDecisionLine().IsMatch(line));
        Assert.DoesNotContain(service.Output, line => line.StartsWith('{'));
    }

    public static TheoryData<string, string, string> InvalidSettings() => new()
    {
        { "Screening__Policy__Pcl5Cutof", "5", "Screening:Policy:Pcl5Cutof is not a policy setting (did you mean Pcl5Cutoff?)." },
        { "Screening__Policy__Pcl5Cutoff", "500", "Screening:Policy:Pcl5Cutoff: must be from 0 to 80" },
        { "Screening__RateLimit__PermitsPerMinute", "0", "Screening:RateLimit is not valid" },
        { "Screening__Auth__ApiKeys__other", "not-a-hash", "Screening:Auth:ApiKeys:other must be the SHA-256 of the key as 64 hex characters." },
        { "Screening__Network__KnownProxies__0", "proxy.local", "Screening:Network:KnownProxies:0 must be an IP address." },
        { "Screening__DecisionLog__Provider", "sqlite", "Screening:DecisionLog:EncryptionKeys:<keyId> is required outside Development" },
        { "Screening__DecisionLog__Provider", "postgres", "Screening:DecisionLog:ConnectionString is required with the postgres provider" },
        { "Screening__DecisionLog__EncryptionKeys__k1", "c2hvcnQ=", "Screening:DecisionLog:EncryptionKeys:k1 must be 32 bytes in base64" },
        { "Screening__Fhir__CanonicalBase", "ftp://screening.example.org/fhir", "Screening:Fhir:CanonicalBase must be an absolute http(s) URL" },
    };

    [Fact]
    public async Task In_development_without_a_key_the_decision_record_makes_one_and_warns()
    {
        var data = Directory.CreateTempSubdirectory("dev-key-").FullName;
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Screening__DecisionLog__ConnectionString"] = $"Data Source={Path.Combine(data, "decisions.db")}",
        });
        using var client = new HttpClient { BaseAddress = service.Address };
        client.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.ApiKey);

        var response = await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("decisionId").GetString();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/screenings/{id}")).StatusCode);
        Assert.Contains(service.Output, line => line.Contains("WRN", StringComparison.Ordinal) && line.Contains("data/decision-log.key", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task A_start_up_configuration_error_is_one_line_naming_the_setting(string setting, string value, string message)
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(new Dictionary<string, string> { [setting] = value }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, l => l.Contains("The service could not start", StringComparison.Ordinal));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(output, l => l.Contains("Hosting failed to start", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} INF HTTP POST /v1/screenings/ responded 200 in [\d.]+ ms \(decision [0-9a-f-]{36}\)$")]
    private static partial Regex ReadableDecisionLine();
}
