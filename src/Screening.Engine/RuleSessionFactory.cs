using NRules;
using NRules.Fluent;
using Screening.Rules;

namespace Screening.Engine;

/// <summary>Compiles rule classes into an NRules session factory: the one place the engine is configured.</summary>
public static class RuleSessionFactory
{
    /// <summary>Every rule of the ruleset.</summary>
    public static ISessionFactory CompileAll() => Compile(typeof(ScreeningRule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(ScreeningRule).IsAssignableFrom(t)));

    /// <summary>Only the given rule classes (rule tests compile one rule, or a rule with the derivations it rests on).</summary>
    public static ISessionFactory Compile(IEnumerable<Type> ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(ruleTypes));

        var compiler = new RuleCompiler();
        // Facts are identified by reference: two equal answers or findings are still two facts (records compare by value,
        // which would make NRules reject the second as "already exists").
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        return compiler.Compile(repository.GetRules());
    }
}

/// <summary>
/// The ruleset compiled into a session factory, as a value the host can start building early (compiling is the slowest
/// part of start-up and needs no configuration) and hand to <see cref="ScreeningEngine"/>.
/// </summary>
public sealed class CompiledRuleset
{
    private CompiledRuleset(ISessionFactory factory) => Factory = factory;

    internal ISessionFactory Factory { get; }

    /// <summary>Compiles every rule on a thread-pool thread.</summary>
    public static Task<CompiledRuleset> CompileAsync() => Task.Run(() => new CompiledRuleset(RuleSessionFactory.CompileAll()));
}
