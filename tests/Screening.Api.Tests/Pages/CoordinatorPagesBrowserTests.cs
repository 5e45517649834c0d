using Screening.Api.OpenApi;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Pages;

/// <summary>
/// The coordinator pages in headless Chromium (tests/browser/coordinator-pages.mjs): every example screened through
/// the form by its labels, the missing answers given, the list, print preview, keyboard only, and axe-core on every
/// page kind. Screenshots under artifacts/browser.
/// </summary>
public class CoordinatorPagesBrowserTests
{
    [SkippableFact]
    public async Task A_coordinator_screens_every_example_reads_the_result_and_answers_what_is_missing()
    {
        BrowserTest.RequireBrowser();
        BrowserTest.RequirePackage("axe-core");
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>());

        var (exitCode, output) = await BrowserTest.RunAsync("coordinator-pages.mjs", service.Address.ToString().TrimEnd('/'), ApiFactory.ApiKey,
            BrowserTest.ArtifactsDirectory, Screening.Tests.Repository.PathOf("src", "Screening.Api", "Examples"));

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{output}");
        Assert.DoesNotContain("FAIL:", output, StringComparison.Ordinal);
        foreach (var example in RequestExamples.All.Select(e => e.Name))
        {
            Assert.Contains($"ok: {example}: the result page says", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(BrowserTest.ArtifactsDirectory, $"pages-result-{example}.png")), $"no screenshot of the {example} result");
        }

        Assert.True(File.Exists(Path.Combine(BrowserTest.ArtifactsDirectory, "pages-form.png")), "no screenshot of the form");
        Assert.Contains("ok: keyboard: the result reads", output, StringComparison.Ordinal);
    }
}
