using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NRules;
using Screening.Engine;

namespace Screening.Benchmarks;

/// <summary>Compiling the session factory for the whole ruleset: paid once at start-up, before the service is ready.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class CompileBenchmarks
{
    [Benchmark]
    public ISessionFactory CompileRuleset() => RuleSessionFactory.CompileAll();
}
