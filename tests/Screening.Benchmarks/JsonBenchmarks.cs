using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Screening.Domain.Intake;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;
using Screening.Engine;

namespace Screening.Benchmarks;

/// <summary>The request read with the service's strict JSON contract, and the result written.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private byte[] _requestJson = null!;
    private ScreeningResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _requestJson = Examples.Bytes("refer");
        _result = new ScreeningEngine(new ScreeningPolicy(), TimeProvider.System).Evaluate(Examples.Request("refer"));
    }

    [Benchmark]
    public ScreeningRequest? DeserializeRequest() => JsonSerializer.Deserialize<ScreeningRequest>(_requestJson, ScreeningJson.Options);

    [Benchmark]
    public byte[] SerializeResult() => JsonSerializer.SerializeToUtf8Bytes(_result, ScreeningJson.Options);
}
