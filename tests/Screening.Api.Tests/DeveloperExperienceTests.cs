using System.Net;
using Screening.Api.OpenApi;
using Screening.Api.Tests.Infrastructure;
using Screening.Domain.Policy;
using Screening.Engine.Catalog;
using Screening.Tests;

namespace Screening.Api.Tests;

/// <summary>
/// What a developer meets from a fresh clone: the clinical reference in the repository (generated from the rule
/// catalog, never drifting), no reference to a path outside the repository, and JSON written as it reads.
/// </summary>
[Collection(SharedApi.Name)]
public class DeveloperExperienceTests(ApiFactory factory)
{
    [Fact]
    public void Docs_clinical_rules_is_the_rule_catalog()
    {
        var path = Repository.PathOf("docs", "clinical-rules.md");
        var policy = ScreeningPolicy.ForProfile(ScreeningPolicy.DefaultProfile);
        var expected = ClinicalRulesDocument.Markdown(new Screening.Engine.Catalog.RuleCatalog(policy), policy);
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (actual != expected && Environment.GetEnvironmentVariable("SCREENING_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(actual == expected, "docs/clinical-rules.md differs from the rule catalog; run the tests with SCREENING_UPDATE_DOCS=1 to regenerate it");
        foreach (var rule in new Screening.Engine.Catalog.RuleCatalog(policy).Entries)
        {
            Assert.Contains($"### {rule.Id}: {rule.Title}", actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_rules_page_renders_the_catalog_without_signing_in()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/rules");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"IND_TRD\"", page, StringComparison.Ordinal);
        Assert.Contains("trialMinWeeksAtDose = 6", page, StringComparison.Ordinal);
        Assert.Contains("Intake read: contraindications.arteriovenousMalformation", page, StringComparison.Ordinal);
        Assert.Contains("](/rules)", await client.GetStringAsync("/swagger/v1/swagger.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_cites_a_path_outside_the_repository()
    {
        var extensions = new[] { ".cs", ".md", ".json", ".sh", ".mjs", ".cshtml", ".yaml", ".props", ".csproj", ".sql", ".js", ".css" };
        var skipped = new[] { "node_modules", "bin", "obj", "artifacts", ".git", ".ci" };
        var citing = Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Where(file => extensions.Contains(Path.GetExtension(file)))
            .Where(file => !Path.GetRelativePath(Repository.Root, file).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .Where(file => !file.EndsWith("DeveloperExperienceTests.cs", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file) is var text && (text.Contains("../shared", StringComparison.Ordinal) || text.Contains("criteria.md", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .ToArray();
        Assert.Empty(citing);
    }

    [Fact]
    public async Task Responses_write_thresholds_and_apostrophes_as_they_read()
    {
        using var client = factory.CreateAuthorizedClient();
        var bodies = new List<string>();
        foreach (var example in RequestExamples.All)
        {
            var response = await client.PostAsync("/v1/screenings", JsonContent.Of(example.Json));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(bodies, body => Assert.DoesNotMatch(@"\\u00(3C|3E|26|27|2B)", body));
        Assert.Contains(bodies, body => body.Contains("\"threshold\":\"> 140 mmHg\"", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\\u00(3C|3E|26|27|2B)", File.ReadAllText(Repository.PathOf("openapi", "screening-api.v1.json")));
    }
}

/// <summary>The CDS card's summary: at most 140 characters, shortened at a word with an ellipsis, never mid-word.</summary>
public class CardSummaryTests
{
    [Fact]
    public async Task A_long_summary_is_shortened_at_a_word_boundary_with_an_ellipsis()
    {
        var engine = new Screening.Engine.ScreeningEngine(ScreeningPolicy.ForProfile(ScreeningPolicy.DefaultProfile), TimeProvider.System, await Screening.Engine.CompiledRuleset.CompileAsync());
        var result = engine.Evaluate(RequestExamples.All.Single(e => e.Name == "insufficient-information").Request);
        Assert.True(result.Outcome.Summary.Length > Screening.Fhir.CdsHooks.CardBuilder.MaxSummaryLength);

        var summary = Screening.Fhir.CdsHooks.CardBuilder.Build(result, "p1", null, null, null, TestFhir.Canonicals).Summary;

        Assert.True(summary.Length <= Screening.Fhir.CdsHooks.CardBuilder.MaxSummaryLength, summary);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        var kept = summary[..^1];
        Assert.StartsWith(kept, result.Outcome.Summary, StringComparison.Ordinal);
        Assert.Equal(' ', result.Outcome.Summary[kept.Length]);
    }
}
