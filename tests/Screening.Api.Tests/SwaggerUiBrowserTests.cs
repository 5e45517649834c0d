using Screening.Api.OpenApi;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

/// <summary>Swagger UI in headless Chromium: authorize with a key, Try it out with every named example.</summary>
public class SwaggerUiBrowserTests
{
    [SkippableFact]
    public async Task Try_it_out_with_every_named_example_answers_200_with_its_category()
    {
        BrowserTest.RequireBrowser();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>());

        var (exitCode, output) = await BrowserTest.RunAsync("swagger-ui.mjs", service.Address.ToString().TrimEnd('/'), ApiFactory.ApiKey, BrowserTest.ArtifactsDirectory);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{output}");
        foreach (var example in RequestExamples.All.Select(e => e.Name))
        {
            Assert.Contains($"{example}: 200 {example}", output, StringComparison.Ordinal);
            var screenshot = Path.Combine(BrowserTest.ArtifactsDirectory, $"swagger-ui-{example}.png");
            Assert.True(File.Exists(screenshot), $"no screenshot {screenshot}");
        }
    }
}
