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
/// own session (a fresh one, or one emptied by the previous evaluation), inserts the answers as one fact, fires, and
/// reads the one outcome the rules derived.
/// </summary>
public sealed class ScreeningEngine
{
    private readonly ISessionFactory _factory;
    private readonly ScreeningPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ResultBuilder _results;

    // Sessions that finished an evaluation and were shown empty, for the next one (a session serves one evaluation at
    // a time; ConcurrentBag keeps a thread's own sessions at hand). A session that failed is never returned.
    // The bag's own Count takes every thread's lock (a contended lock per evaluation under load): the idle sessions are
    // counted here instead, a place reserved before a session is added and released when one is taken.
    private readonly System.Collections.Concurrent.ConcurrentBag<ISession> _idleSessions = [];
    private static readonly int MaxIdleSessions = Environment.ProcessorCount * 4;
    private int _idleCount;

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
        // A session is reused once it is shown to be as empty as a new one (creating one allocates about 40 KB of
        // node memories, 40 % of an evaluation). Every fact a rule derives is yielded, that is linked to the
        // activation that made it, so retracting the intake retracts everything derived from it.
        var session = TakeIdleSession() ?? _factory.CreateSession();
        var intake = IntakeFacts.Insert(session, request, _policy, today ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        session.Fire();
        var decision = OutcomeOf(session);

        session.Retract(intake);
        if (IsEmpty(session))
        {
            KeepIdle(session);
        }

        return decision;
    }

    private ISession? TakeIdleSession()
    {
        if (!_idleSessions.TryTake(out var session))
        {
            return null;
        }

        Interlocked.Decrement(ref _idleCount);
        return session;
    }

    private void KeepIdle(ISession session)
    {
        if (Interlocked.Increment(ref _idleCount) <= MaxIdleSessions)
        {
            _idleSessions.Add(session);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
        }
    }

    // Plain enumeration: composing LINQ on the IQueryable would compile an expression tree on every call.
    private static OutcomeDecision OutcomeOf(ISession session)
    {
        foreach (var decision in session.Query<OutcomeDecision>())
        {
            return decision;
        }

        throw new InvalidOperationException("The ruleset derived no outcome.");
    }

    /// <summary>Sessions emptied by an evaluation and waiting for the next (for tests).</summary>
    internal int IdleSessions => _idleSessions.Count;

    /// <summary>No fact in working memory and nothing on the agenda: the state of a session just created.</summary>
    internal static bool IsEmpty(ISession session)
    {
        if (!session.Agenda.IsEmpty)
        {
            return false;
        }

        foreach (var _ in session.Query<object>())
        {
            return false;
        }

        return true;
    }
}
