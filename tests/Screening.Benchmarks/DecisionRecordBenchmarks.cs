using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Screening.DecisionLog;
using Screening.Domain.Json;
using Screening.Domain.Policy;
using Screening.Engine;

namespace Screening.Benchmarks;

/// <summary>
/// What the decision record costs per decision before the store: the request and response framed and compressed
/// (Brotli), then sealed (AES-GCM), for the refer example (2.5 KB of request, 3.2 KB of response).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DecisionRecordBenchmarks
{
    private readonly PayloadProtector _protector = new(new Dictionary<string, string> { ["k1"] = PayloadProtector.NewKey() }, "k1");
    private readonly byte[] _binding = Guid.CreateVersion7().ToByteArray();
    private byte[] _request = null!;
    private byte[] _response = null!;
    private byte[] _framed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = Examples.Bytes("refer");
        _response = JsonSerializer.SerializeToUtf8Bytes(new ScreeningEngine(new ScreeningPolicy(), TimeProvider.System).Evaluate(Examples.Request("refer")), ScreeningJson.Options);
        _framed = PayloadProtector.Frame(_request, _response, null);
    }

    /// <summary>Framing and Brotli (quality 1).</summary>
    [Benchmark]
    public byte[] FrameAndCompress() => PayloadProtector.Frame(_request, _response, null);

    /// <summary>AES-GCM over the compressed frame.</summary>
    [Benchmark]
    public byte[] Seal() => _protector.Protect(_framed, _binding);
}
