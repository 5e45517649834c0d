using NRules;
using Screening.Domain.Facts;
using Screening.Domain.Intake;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;
using Screening.Engine.Catalog;
using Screening.Engine.Explanation;

namespace Screening.Engine;

/// <summary>
/// Evaluates questionnaires. The session factory is compiled once (thread-safe, expensive); each evaluation gets its
/// own session, inserts the answers as a handful of facts, fires, and reads the one outcome the rules derived.
/// </summary>
public sealed class ScreeningEngine
{
    private readonly ISessionFactory _factory;
    private readonly ScreeningPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ResultBuilder _results;

    public ScreeningEngine(ScreeningPolicy policy, TimeProvider time)
        : this(policy, time, CompiledRuleset.CompileAsync().GetAwaiter().GetResult())
    {
    }

    public ScreeningEngine(ScreeningPolicy policy, TimeProvider time, CompiledRuleset ruleset)
    {
        _policy = policy;
        _time = time;
        _factory = ruleset.Factory;
        Catalog = new RuleCatalog(policy);
        _results = new ResultBuilder(Catalog, policy);
    }

    public RuleCatalog Catalog { get; }

    /// <summary>The policy this engine evaluates under.</summary>
    public ScreeningPolicy Policy => _policy;

    public ScreeningResult Evaluate(ScreeningRequest request)
    {
        var now = _time.GetUtcNow();
        return EvaluateAt(request, Guid.CreateVersion7(now), now);
    }

    /// <summary>
    /// Evaluates with a given decision id and time, as on that day: for documentation examples that must not change
    /// between runs, and for replaying a kept decision under today's rules as of the day it was made.
    /// </summary>
    public ScreeningResult EvaluateAt(ScreeningRequest request, Guid decisionId, DateTimeOffset evaluatedAt) =>
        _results.Build(Decide(request, DateOnly.FromDateTime(evaluatedAt.UtcDateTime)), decisionId, evaluatedAt);

    /// <summary>Runs the rules and returns the outcome decision with every fact that explains it.</summary>
    /// <param name="request">The questionnaire.</param>
    /// <param name="today">The day of the evaluation (it dates answers that carry no date of their own); by default today.</param>
    public OutcomeDecision Decide(ScreeningRequest request, DateOnly? today = null)
    {
        var session = _factory.CreateSession();
        IntakeFacts.Insert(session, request, _policy, today ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        session.Fire();

        // Plain enumeration: composing LINQ on the IQueryable would compile an expression tree on every call.
        foreach (var decision in session.Query<OutcomeDecision>())
        {
            return decision;
        }

        throw new InvalidOperationException("The ruleset derived no outcome.");
    }
}
