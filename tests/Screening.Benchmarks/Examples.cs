using System.Text.Json;
using Screening.Domain.Intake;
using Screening.Domain.Json;

namespace Screening.Benchmarks;

/// <summary>The six per-category example questionnaires of the API (src/Screening.Api/Examples).</summary>
public static class Examples
{
    public static readonly string[] Names =
    [
        "refer", "refer-with-specialist-review", "not-eligible-criteria-not-met",
        "insufficient-information", "not-eligible-contraindicated", "urgent-crisis-referral",
    ];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", $"{name}.json"));

    public static ScreeningRequest Request(string name) => JsonSerializer.Deserialize<ScreeningRequest>(Bytes(name), ScreeningJson.Options)!;
}
