using Screening.Api.Hosting;
using Screening.Tests;

namespace Screening.Api.Tests.Operations;

/// <summary>
/// The README's configuration table is the settings reference the service reads (SettingsReference), row for row.
/// Run with SCREENING_UPDATE_README=1 to write the table into the README after changing a setting.
/// </summary>
public class ReadmeTests
{
    private const string Start = "<!-- settings table: generated from src/Screening.Api/Hosting/SettingsReference.cs -->\n";
    private const string End = "<!-- end of settings table -->";

    [Fact]
    public void Configuration_table_is_the_settings_reference()
    {
        var path = Repository.PathOf("README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no generated settings table between its markers");

        var expected = SettingsReference.MarkdownTable();
        var actual = readme[(start + Start.Length)..end];
        if (actual != expected && Environment.GetEnvironmentVariable("SCREENING_UPDATE_README") == "1")
        {
            File.WriteAllText(path, readme[..(start + Start.Length)] + expected + readme[end..]);
            return;
        }

        Assert.True(actual == expected, "README.md's settings table differs from SettingsReference; run the tests with SCREENING_UPDATE_README=1 to regenerate it");
    }

    [Fact]
    public void The_readme_points_at_nothing_outside_the_repository()
    {
        Assert.DoesNotContain("../", File.ReadAllText(Repository.PathOf("README.md")), StringComparison.Ordinal);
    }
}
