using System.Text.Json;
using Screening.Domain.Json;
using Screening.Engine;
using Screening.Rules.Metadata;
using Screening.Rules.Tests.Fixtures;
using Screening.Tests.Golden;

namespace Screening.Rules.Tests;

/// <summary>The golden cases against the engine in process (the API tests run them again over HTTP).</summary>
public class GoldenCaseTests
{
    private static readonly Dictionary<string, ScreeningEngine> Engines = GoldenCase.All
        .DistinctBy(c => c.PolicyKey)
        .ToDictionary(c => c.PolicyKey, c => new ScreeningEngine(c.PolicyInForce(), TimeProvider.System));

    private static ScreeningRequest RequestOf(GoldenCase golden) =>
        JsonSerializer.Deserialize<ScreeningRequest>(golden.RequestJson, ScreeningJson.Options)!;

    private static ScreeningPolicy PolicyOf(GoldenCase golden) => golden.PolicyInForce();

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void Golden_case_gives_its_expected_outcome_and_explanation(string name)
    {
        var golden = GoldenCase.Named(name);
        var result = Engines[golden.PolicyKey].Evaluate(RequestOf(golden));

        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(result, ScreeningJson.Options));
        var differences = golden.Expected.Differences(GoldenExpectation.Observed(json.RootElement));

        Assert.True(differences.Count == 0, $"{name}: {string.Join("; ", differences)}");
    }

    [Fact]
    public void There_are_at_least_60_cases_and_every_category_at_least_5_times()
    {
        Assert.True(GoldenCase.All.Count >= 60, $"only {GoldenCase.All.Count} golden cases");
        foreach (var category in Enum.GetValues<OutcomeCategory>())
        {
            var name = JsonNamingPolicy.KebabCaseLower.ConvertName(category.ToString());
            Assert.True(GoldenCase.All.Count(c => c.Expected.Category == name) >= 5, $"fewer than 5 golden cases give {name}");
        }
    }

    [Fact]
    public void Every_rule_of_the_catalog_fires_in_some_golden_case()
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var established = new HashSet<string>(StringComparer.Ordinal);
        foreach (var golden in GoldenCase.All)
        {
            var session = RuleSession.ForAll().Evaluate(RequestOf(golden), PolicyOf(golden));
            fired.UnionWith(session.Fired);
            established.UnionWith(session.Yielded<IndicationAssessment>().Where(i => i.Status == IndicationStatus.Established).Select(i => i.Id));
            var decision = Assert.Single(session.Yielded<OutcomeDecision>());
            established.UnionWith(decision.Findings.Where(f => f.IsPresent).Select(f => $"present:{f.RuleId}"));
        }

        var uncovered = RuleMetadata.All
            .Where(rule => rule.Kind switch
            {
                RuleKind.Derivation or RuleKind.Outcome => !fired.Contains(rule.Id),
                RuleKind.Indication => !established.Contains(rule.Id),
                _ => !established.Contains($"present:{rule.Id}"),
            })
            .Select(rule => rule.Id)
            .ToArray();

        Assert.True(uncovered.Length == 0, "No golden case makes these rules fire (indications: established): " + string.Join(", ", uncovered));
    }
}
