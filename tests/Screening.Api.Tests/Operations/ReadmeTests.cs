using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Screening.Api.Hosting;
using Screening.Tests;

namespace Screening.Api.Tests.Operations;

/// <summary>
/// The README's configuration table is the settings reference the service reads (SettingsReference), row for row,
/// and the reference holds every setting the options classes bind and every configuration key the code reads.
/// Run with SCREENING_UPDATE_README=1 to write the table into the README after changing a setting. The README's links
/// lead into the repository, and no document points outside it.
/// </summary>
public partial class ReadmeTests
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

    /// <summary>The README and every document under docs/, as paths from the repository root.</summary>
    public static TheoryData<string> Documents() =>
        new(["README.md", .. Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md").Select(path => "docs/" + Path.GetFileName(path)).Order(StringComparer.Ordinal)]);

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_documentation_points_at_nothing_outside_the_repository(string document)
    {
        Assert.DoesNotContain("../", File.ReadAllText(Repository.PathOf(document.Split('/'))), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_relative_link_in_the_readme_leads_to_a_file_of_the_repository()
    {
        var links = RelativeLink().Matches(File.ReadAllText(Repository.PathOf("README.md"))).Select(m => m.Groups["path"].Value).ToArray();

        Assert.Contains("docs/performance.md", links);
        Assert.All(links, link =>
        {
            var path = Repository.PathOf(link.Split('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"README.md links to {link}, which is not in the repository");
        });
    }

    /// <summary>Every bindable property of every options class (a class with a <c>Section</c> under Screening:), as a concrete key.</summary>
    public static TheoryData<string> BoundSettings()
    {
        var keys = new TheoryData<string>();
        var optionsTypes = new[] { typeof(Program).Assembly, typeof(Screening.DecisionLog.DecisionLogOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is string section
                && section.StartsWith("Screening:", StringComparison.Ordinal) && type.GetProperties().Any(p => p.CanWrite));
        foreach (var type in optionsTypes)
        {
            foreach (var key in KeysOf(type, (string)type.GetField("Section")!.GetValue(null)!))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(BoundSettings))]
    public void Every_setting_an_options_class_binds_is_in_the_settings_reference(string key)
    {
        Assert.True(SettingsReference.IsKnown(key), $"{key} is bound by an options class but missing from SettingsReference (and so from the README)");
    }

    [Fact]
    public void Every_configuration_key_the_code_reads_is_in_the_settings_reference()
    {
        var sources = Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.EndsWith("SettingsReference.cs", StringComparison.Ordinal));
        var keys = sources.SelectMany(path => ConfigurationKey().Matches(File.ReadAllText(path)).Select(m => m.Groups["key"].Value)).Distinct().ToArray();

        Assert.Contains("Screening:Metrics:Port", keys);
        Assert.All(keys, key => Assert.True(
            SettingsReference.IsKnown(key) || SettingsReference.All.Any(setting => setting.Key.StartsWith(key + ":", StringComparison.Ordinal)),
            $"the code reads {key}, which SettingsReference (and so the README) does not list"));
    }

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            var valueType = property.PropertyType;
            if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var element = valueType.GetGenericArguments()[1];
                foreach (var nested in element == typeof(string) ? [$"{key}:any"] : KeysOf(element, $"{key}:any"))
                {
                    yield return nested;
                }
            }
            else if (valueType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(valueType))
            {
                yield return $"{key}:0";
            }
            else
            {
                yield return key;
            }
        }
    }

    // A Markdown link to a path in the repository: [text](path), not to a web address or an anchor.
    [GeneratedRegex(@"\]\((?<path>(?!https?:|#|mailto:)[^)\s#]+)\)")]
    private static partial Regex RelativeLink();

    // A configuration key written out in the code: "Screening:Section:Name" (a prefix ending in ':' is a section read by name).
    [GeneratedRegex("\"(?<key>Screening:[A-Za-z]+(?::[A-Za-z]+)*)\"")]
    private static partial Regex ConfigurationKey();
}
