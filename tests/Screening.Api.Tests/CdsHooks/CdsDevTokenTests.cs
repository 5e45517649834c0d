using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Screening.Api.Tests.Infrastructure;
using Screening.Tests;
using static Screening.Api.Tests.CdsHooks.CdsHookCalls;

namespace Screening.Api.Tests.CdsHooks;

/// <summary>
/// Trying CDS Hooks locally as the README shows: tools/cds-dev-token.sh (openssl only) makes a key pair, the settings
/// that trust it and signed tokens; with them the service answers tools/cds-example-request.json with a card, and a
/// replayed token gets a 401 that names the check.
/// </summary>
public class CdsDevTokenTests
{
    private const string ServiceBaseUrl = "http://localhost:5080";
    private const string Endpoint = ServiceBaseUrl + "/cds-services/ketamine-referral-screening";

    // The README's service (dotnet run) hands out canonicals under its own URL.
    private static readonly Screening.Fhir.FhirCanonicals ReadmeCanonicals = new(ServiceBaseUrl + "/fhir");

    [Fact]
    public void The_example_request_is_the_refer_example_as_an_ehr_sends_it()
    {
        var path = Repository.PathOf("tools", "cds-example-request.json");
        var hook = Hook(prefetch: Searchset(ResponseFor("refer", ReadmeCanonicals)));
        hook["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";
        var expected = hook.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("SCREENING_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_token_from_the_tool_is_trusted_once()
    {
        var directory = Directory.CreateTempSubdirectory("cds-dev-").FullName;
        var settings = (await RunAsync(directory, "eval \"$(tools/cds-dev-token.sh env)\"; printf '%s\\0' \"$Screening__CdsHooks__ServiceBaseUrl\" \"$Screening__CdsHooks__TrustedIssuers__dev__Issuer\" \"$Screening__CdsHooks__TrustedIssuers__dev__PublicKeyPem\""))
            .Split('\0');
        Assert.Equal(ServiceBaseUrl, settings[0]);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", settings[2], StringComparison.Ordinal);

        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["Screening__CdsHooks__ServiceBaseUrl"] = settings[0],
            ["Screening__CdsHooks__TrustedIssuers__dev__Issuer"] = settings[1],
            ["Screening__CdsHooks__TrustedIssuers__dev__PublicKeyPem"] = settings[2],
            // This service listens on another port than the README's; it is given the README service's canonical base.
            ["Screening__Fhir__CanonicalBase"] = ReadmeCanonicals.Base,
        });
        var token = (await RunAsync(directory, $"tools/cds-dev-token.sh token {Endpoint}")).Trim();
        using var client = new HttpClient { BaseAddress = service.Address };

        async Task<HttpResponseMessage> CallAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/ketamine-referral-screening")
            {
                Content = new StringContent(File.ReadAllText(Repository.PathOf("tools", "cds-example-request.json")), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await client.SendAsync(request);
        }

        var first = await CallAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await first.Content.ReadAsStringAsync())!["cards"]!.AsArray());
        Assert.Equal("info", card!["indicator"]!.GetValue<string>());

        var replayed = await CallAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("replay", await replayed.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> RunAsync(string keyDirectory, string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CDS_DEV_DIR"] = keyDirectory;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} exited with {process.ExitCode}: {errors}");
        return output;
    }
}
