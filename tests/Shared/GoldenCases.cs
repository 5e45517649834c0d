using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Screening.Tests.Golden;

/// <summary>
/// The golden clinical cases of tests/cases: a request, written from the specification, and what it must give. The
/// same cases run against the engine in process and against the HTTP API, compared on the result's JSON.
/// </summary>
/// <param name="Name">The file name without .json.</param>
/// <param name="Description">What the case shows, with the specification section.</param>
/// <param name="Profile">The policy profile (default when left out).</param>
/// <param name="Policy">Policy values overriding the profile's, with the names of the response's policy object (e.g. dangerToOthersQuestionsRequired).</param>
/// <param name="Request">The screening request.</param>
/// <param name="Expected">What it must give.</param>
public sealed record GoldenCase(string Name, string Description, string? Profile, JsonObject? Policy, JsonElement Request, GoldenExpectation Expected)
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

    /// <summary>What tells the service configurations apart: the profile and the overrides.</summary>
    public string PolicyKey => $"{Profile ?? "default"}{Policy?.ToJsonString()}";

    /// <summary>The case's policy: the profile's values with the overrides applied.</summary>
    public Screening.Domain.Policy.ScreeningPolicy PolicyInForce()
    {
        var profile = Screening.Domain.Policy.ScreeningPolicy.ForProfile(Profile ?? Screening.Domain.Policy.ScreeningPolicy.DefaultProfile);
        var merged = JsonSerializer.SerializeToNode(profile, Screening.Domain.Json.ScreeningJson.Options)!.AsObject();
        foreach (var (name, value) in Policy ?? [])
        {
            merged[name] = value?.DeepClone();
        }

        return merged.Deserialize<Screening.Domain.Policy.ScreeningPolicy>(Screening.Domain.Json.ScreeningJson.Options)!;
    }

    /// <summary>The case's policy as configuration settings (Screening:Policy:*), for a service under test.</summary>
    public Dictionary<string, string?> PolicySettings()
    {
        var settings = new Dictionary<string, string?> { ["Screening:Policy:Profile"] = Profile ?? "default" };
        foreach (var (name, value) in Policy ?? [])
        {
            settings[$"Screening:Policy:{char.ToUpperInvariant(name[0])}{name[1..]}"] = value?.ToString();
        }

        return settings;
    }

    public override string ToString() => Name;
}

/// <summary>
/// What a golden case must give: category, subtype, pathway, temporary, and the exact sets of reason ids, flag ids,
/// missing fields and, of those, the blocking ones (left out in a case: none is blocking), and where the case states
/// it, whether a suicide risk follow-up is required.
/// </summary>
public sealed record GoldenExpectation(
    string Category,
    string? Subtype,
    string? Pathway,
    bool? Temporary,
    string[] Reasons,
    string[] Flags,
    string[] Missing,
    string[]? Blocking = null,
    bool? SafetyFollowUpRequired = null)
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
            Ids("missingInformation", "field"),
            result.GetProperty("missingInformation").EnumerateArray()
                .Where(m => m.GetProperty("blocking").GetBoolean())
                .Select(m => m.GetProperty("field").GetString()!).Order(StringComparer.Ordinal).ToArray(),
            outcome.GetProperty("safetyFollowUpRequired").GetBoolean());
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
        CompareSet("blocking", Blocking ?? [], observed.Blocking ?? []);
        if (SafetyFollowUpRequired is not null)
        {
            Compare("safetyFollowUpRequired", SafetyFollowUpRequired, observed.SafetyFollowUpRequired);
        }
        return differences;
    }
}
