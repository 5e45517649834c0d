using System.Diagnostics;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>
/// Runs a Node browser script (tests/browser) against a service process. Needs Debian's Chromium and the npm
/// packages (npm ci): without them the test is skipped with the reason, except when SCREENING_REQUIRE_BROWSER=1
/// (set by .ci/run), where their absence is a failure, so CI never skips it silently.
/// </summary>
public static class BrowserTest
{
    public static string ArtifactsDirectory { get; } = Path.Combine(Screening.Tests.Repository.Root, "artifacts", "browser");

    public static void RequireBrowser()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        var playwright = Path.Combine(Screening.Tests.Repository.Root, "node_modules", "playwright-core");
        var missing = new[] { (File.Exists(chromium), $"Chromium ({chromium})"), (Directory.Exists(playwright), "npm packages (npm ci)") }
            .Where(r => !r.Item1).Select(r => r.Item2).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var reason = "Browser test needs " + string.Join(" and ", missing) + "; .ci/run installs them.";
        Assert.False(Environment.GetEnvironmentVariable("SCREENING_REQUIRE_BROWSER") == "1", reason);
        Skip.If(true, reason);
    }

    /// <summary>An npm package a browser test loads into the page (installed by npm ci, like playwright-core).</summary>
    public static void RequirePackage(string package)
    {
        if (Directory.Exists(Path.Combine(Screening.Tests.Repository.Root, "node_modules", package)))
        {
            return;
        }

        var reason = $"Browser test needs the npm package {package} (npm ci); .ci/run installs it.";
        Assert.False(Environment.GetEnvironmentVariable("SCREENING_REQUIRE_BROWSER") == "1", reason);
        Skip.If(true, reason);
    }

    /// <summary>Runs <c>node tests/browser/&lt;script&gt;</c> with the arguments; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node", [Path.Combine("tests", "browser", script), .. arguments])
        {
            WorkingDirectory = Screening.Tests.Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        return (process.ExitCode, await output + await errors);
    }
}
