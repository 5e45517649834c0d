using System.Collections.Concurrent;
using NRules;
using Screening.Engine;
using Screening.Rules.Metadata;

namespace Screening.Rules.Tests.Fixtures;

/// <summary>
/// A rule-test session (NRules.Testing is not on the feed here): it compiles only the rules under test, inserts a
/// questionnaire exactly as the engine does, fires, and exposes what the rules yielded and which rules fired.
/// </summary>
public sealed class RuleSession
{
    private static readonly ConcurrentDictionary<string, ISessionFactory> Factories = new();
    private readonly ISession _session;
    private readonly List<string> _fired = [];

    private RuleSession(Type[] ruleTypes)
    {
        var key = string.Join(",", ruleTypes.Select(t => t.FullName).Order());
        _session = Factories.GetOrAdd(key, _ => RuleSessionFactory.Compile(ruleTypes)).CreateSession();
        _session.Events.RuleFiredEvent += (_, e) => _fired.Add(e.Rule.Name);
    }

    /// <summary>A session with the rule under test and the derivation rules it matches on.</summary>
    public static RuleSession For<TRule>(params Type[] derivations) => new([typeof(TRule), .. derivations]);

    public static RuleSession ForAll() => new(typeof(ScreeningRule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(ScreeningRule).IsAssignableFrom(t)).ToArray());

    public static DateOnly Today { get; } = new(2026, 11, 27);

    /// <summary>Inserts the questionnaire as the engine does, with the given policy (default profile otherwise), and fires.</summary>
    public RuleSession Evaluate(ScreeningRequest request, ScreeningPolicy? policy = null)
    {
        IntakeFacts.Insert(_session, request, policy ?? new ScreeningPolicy(), Today);
        _session.Fire();
        return this;
    }

    /// <summary>Facts of type <typeparamref name="T"/> in working memory after firing.</summary>
    public IReadOnlyList<T> Yielded<T>() => _session.Query<T>().AsEnumerable().ToList();

    public IReadOnlyList<string> Fired => _fired;

    /// <summary>The finding a rule yielded, or null when it did not fire.</summary>
    public Finding? FindingOf(string ruleId) => Yielded<Finding>().SingleOrDefault(f => f.RuleId == ruleId);

    public Finding? FindingOf<TRule>() => FindingOf(RuleMetadata.Of(typeof(TRule)).Id);

    public IndicationAssessment? IndicationOf<TRule>() =>
        Yielded<IndicationAssessment>().SingleOrDefault(i => i.Id == RuleMetadata.Of(typeof(TRule)).Id);
}
