using System.Text.Json;
using Screening.Domain.Json;
using Screening.Engine;
using Screening.Tests.Golden;

namespace Screening.Rules.Tests;

/// <summary>
/// The engine reuses a session once an evaluation has emptied it. Nothing of one evaluation may reach the next: every
/// golden case, evaluated in a shuffled order through one engine (one reused session, as on one request thread), gives
/// exactly the result of a new session.
/// </summary>
public class SessionReuseTests
{
    private static readonly Engine.CompiledRuleset Ruleset = CompiledRuleset.CompileAsync().GetAwaiter().GetResult();

    [Fact]
    public void Every_golden_case_gives_the_same_result_in_a_reused_session_as_in_a_new_one()
    {
        var decisionId = Guid.Parse("0193a1c4-0000-7000-8000-000000000001");
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        foreach (var policyCases in GoldenCase.All.GroupBy(c => c.PolicyKey))
        {
            var reused = new ScreeningEngine(policyCases.First().PolicyInForce(), TimeProvider.System, Ruleset);
            var cases = policyCases.Concat(policyCases.Reverse()).OrderBy(c => (c.Name.GetHashCode(StringComparison.Ordinal) * 31) ^ c.Name.Length).ToArray();
            foreach (var golden in cases)
            {
                var request = JsonSerializer.Deserialize<ScreeningRequest>(golden.RequestJson, ScreeningJson.Options)!;
                var fresh = new ScreeningEngine(golden.PolicyInForce(), TimeProvider.System, Ruleset).EvaluateAt(request, decisionId, at);

                var again = reused.EvaluateAt(request, decisionId, at);

                Assert.True(
                    JsonSerializer.Serialize(fresh, ScreeningJson.Options) == JsonSerializer.Serialize(again, ScreeningJson.Options),
                    $"{golden.Name}: a reused session gave another result than a new one");
            }
        }
    }

    [Fact]
    public void A_session_is_empty_after_an_evaluation_and_is_reused()
    {
        var engine = new ScreeningEngine(new ScreeningPolicy(), TimeProvider.System, Ruleset);
        var first = engine.Decide(Fixtures.Intakes.Refer());

        var second = engine.Decide(Fixtures.Intakes.Refer());

        Assert.Equal(first.Category, second.Category);
        Assert.Equal(1, engine.IdleSessions);
    }

    [Fact]
    public async Task Concurrent_evaluations_keep_at_most_four_idle_sessions_per_core()
    {
        var engine = new ScreeningEngine(new ScreeningPolicy(), TimeProvider.System, Ruleset);
        var threads = Environment.ProcessorCount * 8;
        using var start = new Barrier(threads);

        // Twice as many evaluations at once as sessions may be kept: the ones over the bound are dropped.
        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < 20; i++)
                {
                    Assert.Equal(OutcomeCategory.Refer, engine.Decide(Fixtures.Intakes.Refer()).Category);
                }
            },
            TaskCreationOptions.LongRunning)));

        Assert.InRange(engine.IdleSessions, 1, Environment.ProcessorCount * 4);
    }
}
