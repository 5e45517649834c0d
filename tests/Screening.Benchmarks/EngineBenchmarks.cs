using BenchmarkDotNet.Attributes;
using Screening.Domain.Intake;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;
using Screening.Engine;

namespace Screening.Benchmarks;

/// <summary>One evaluation with the full ruleset: a session (an emptied one, as the service reuses them), the facts, firing, and the explained result.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineBenchmarks
{
    private ScreeningEngine _engine = null!;
    private ScreeningRequest _request = null!;

    [ParamsSource(nameof(ExampleNames))]
    public string Example { get; set; } = "refer";

    public static IEnumerable<string> ExampleNames => Examples.Names;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new ScreeningEngine(new ScreeningPolicy(), TimeProvider.System);
        _request = Examples.Request(Example);
        _engine.Evaluate(_request);
    }

    [Benchmark]
    public ScreeningResult Evaluate() => _engine.Evaluate(_request);
}
