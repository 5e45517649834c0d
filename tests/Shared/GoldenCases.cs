using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Tests.Golden;

/// <summary>
/// The golden clinical cases of tests/cases: a request, written from the specification, and what it must give. The
/// same cases run against the engine in process and against the HTTP API, compared on the result's JSON.
/// </summary>
public sealed record GoldenCase(string Name, string Description, string? Profile, JsonElement Request, GoldenExpectation Expected)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static IReadOnlyList<GoldenCase> All { get; } = Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(file => JsonSerializer.Deserialize<GoldenCase>(File.ReadAllText(file), Json)!)
        .ToArray();

    public static GoldenCase Named(string name) => All.Single(c => c.Name == name);

    public static IEnumerable<object[]> Names() => All.Select(c => new object[] { c.Name });

    public string RequestJson => Request.GetRawText();

    public override string ToString() => Name;
}

/// <summary>What a golden case must give: category, subtype, pathway, temporary, and the exact sets of reason ids, flag ids and missing fields.</summary>
public sealed record GoldenExpectation(
    string Category,
    string? Subtype,
    string? Pathway,
    bool? Temporary,
    string[] Reasons,
    string[] Flags,
    string[] Missing)
{
    /// <summary>Reads the same facts from a screening result's JSON.</summary>
    public static GoldenExpectation Observed(JsonElement result)
    {
        var outcome = result.GetProperty("outcome");
        string? Optional(string name) => outcome.TryGetProperty(name, out var value) ? value.GetString() : null;
        string[] Ids(string array, string property) =>
            result.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()!).Order(StringComparer.Ordinal).ToArray();

        return new GoldenExpectation(
            outcome.GetProperty("category").GetString()!,
            Optional("subtype"),
            Optional("pathway"),
            outcome.TryGetProperty("temporary", out var temporary) ? temporary.GetBoolean() : null,
            Ids("reasons", "ruleId"),
            Ids("flags", "ruleId"),
            Ids("missingInformation", "field"));
    }

    /// <summary>Differences from <paramref name="observed"/>, empty when they agree. Temporary is compared only where the case states it.</summary>
    public IReadOnlyList<string> Differences(GoldenExpectation observed)
    {
        var differences = new List<string>();
        void Compare<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                differences.Add($"{what}: expected {expected?.ToString() ?? "none"}, got {actual?.ToString() ?? "none"}");
            }
        }

        void CompareSet(string what, string[] expected, string[] actual)
        {
            var missing = expected.Except(actual, StringComparer.Ordinal).ToArray();
            var extra = actual.Except(expected, StringComparer.Ordinal).ToArray();
            if (missing.Length + extra.Length > 0)
            {
                differences.Add($"{what}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]");
            }
        }

        Compare("category", Category, observed.Category);
        Compare("subtype", Subtype, observed.Subtype);
        Compare("pathway", Pathway, observed.Pathway);
        if (Temporary is not null)
        {
            Compare("temporary", Temporary, observed.Temporary);
        }

        CompareSet("reasons", Reasons, observed.Reasons);
        CompareSet("flags", Flags, observed.Flags);
        CompareSet("missing", Missing, observed.Missing);
        return differences;
    }
}
