using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Screening.Engine.Catalog;
using Screening.Tests;

namespace Screening.Rules.Tests.Identity;

/// <summary>
/// R2-16: the ruleset hash covers the compiled rule logic; the committed lock file pins the version and hash the service
/// reports with the default policy, and every version has a changelog entry.
/// </summary>
public partial class RulesetIdentityTests
{
    private sealed record LockFile(string Version, string Hash, string Date);

    private static readonly JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static LockFile Lock() => JsonSerializer.Deserialize<LockFile>(File.ReadAllText(Repository.PathOf("rules", "ruleset.lock.json")), CamelCase)!;

    [Fact]
    public void The_computed_hash_equals_the_lock_file()
    {
        var computed = new RuleCatalog(new ScreeningPolicy()).Version.Hash;
        var locked = Lock();

        Assert.True(computed == locked.Hash,
            $"The ruleset hash is {computed}, but rules/ruleset.lock.json pins {locked.Hash} for version {locked.Version}. " +
            "A rule, its metadata, the domain model or a default policy value changed: bump RulesetInfo.Version, add an entry for " +
            $"the new version to rules/CHANGELOG.md, and set rules/ruleset.lock.json to the new version, hash {computed} and today's date.");
    }

    [Fact]
    public void The_lock_file_names_the_compiled_version_and_a_date()
    {
        var locked = Lock();

        Assert.Equal(RulesetInfo.Version, locked.Version);
        Assert.True(DateOnly.TryParseExact(locked.Date, "yyyy-MM-dd", out _), "the lock file's date must be YYYY-MM-DD");
    }

    [Fact]
    public void The_changelog_has_an_entry_for_the_version()
    {
        var changelog = File.ReadAllText(Repository.PathOf("rules", "CHANGELOG.md"));

        Assert.Matches($"(?m)^## {Regex.Escape(RulesetInfo.Version)} ", changelog);
    }

    // Compiling the rules takes seconds: the unchanged source is compiled once for the tests that compare against it.
    private static readonly Lazy<string> Original = new(() => FingerprintOf(RulesSource()));

    [Fact]
    public void The_same_source_compiles_to_the_same_fingerprint() =>
        Assert.Equal(Original.Value, FingerprintOf(RulesSource()));

    [Theory]
    [InlineData("Thresholds.cs", "public const int AdultAgeAtLeast = 18;", "public const int AdultAgeAtLeast = 19;")]
    [InlineData("BloodPressureGates.cs", "reading.Systolic > Thresholds.ElevatedSystolicAbove", "reading.Systolic >= Thresholds.ElevatedSystolicAbove")]
    public void Changing_one_threshold_or_comparison_changes_the_fingerprint(string file, string from, string to)
    {
        var source = RulesSource();
        var path = source.Keys.Single(p => Path.GetFileName(p) == file);
        var changed = new Dictionary<string, string>(source) { [path] = source[path].Replace(from, to, StringComparison.Ordinal) };
        Assert.NotEqual(source[path], changed[path]);

        Assert.NotEqual(Original.Value, FingerprintOf(changed));
    }

    private static Dictionary<string, string> RulesSource() => Directory
        .GetFiles(Repository.PathOf("rules", "Screening.Rules"), "*.cs", SearchOption.AllDirectories)
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToDictionary(path => path, File.ReadAllText);

    /// <summary>Compiles the rules source as the project does (optimised, nullable, implicit usings) and fingerprints it with the domain assembly.</summary>
    private static string FingerprintOf(Dictionary<string, string> source)
    {
        const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = source.Select(file => CSharpSyntaxTree.ParseText(file.Value, parse, Path.GetFileName(file.Key)))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) != "Screening.Rules.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Screening.Rules", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

        using var rules = new MemoryStream();
        var emitted = compilation.Emit(rules);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        rules.Position = 0;
        using var domain = File.OpenRead(typeof(ScreeningRequest).Assembly.Location);
        return RulesetFingerprint.Of(rules, domain);
    }
}
