using BenchmarkDotNet.Attributes;
using NRules;
using Screening.Domain.Facts;
using Screening.Domain.Intake;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;
using Screening.Engine;

namespace Screening.Benchmarks;

/// <summary>Where one evaluation of the refer example spends its time: an empty session, the rules, the explained result.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineStageBenchmarks
{
    private ScreeningEngine _engine = null!;
    private ISessionFactory _factory = null!;
    private ScreeningRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new ScreeningEngine(new ScreeningPolicy(), TimeProvider.System);
        _factory = RuleSessionFactory.CompileAll();
        _request = Examples.Request("refer");
        _engine.Evaluate(_request);
    }

    [Benchmark]
    public ISession CreateSession() => _factory.CreateSession();

    [Benchmark]
    public OutcomeDecision Decide() => _engine.Decide(_request);

    [Benchmark(Baseline = true)]
    public ScreeningResult Evaluate() => _engine.Evaluate(_request);
}
