using System.Text;
using System.Text.Json;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;

namespace Screening.Engine.Catalog;

/// <summary>
/// The clinical reference shipped with the project (docs/clinical-rules.md), generated from the rule catalog: every rule
/// with its kind, title, description, the policy values it reads as they are in force, its source and status tag, and
/// its evidence level. The same entries are served at GET /v1/rules and rendered at /rules. A test keeps the committed
/// file equal to this output.
/// </summary>
public static class ClinicalRulesDocument
{
    /// <summary>The kinds in the order the document lists them, with their headings.</summary>
    public static IReadOnlyList<(RuleKind Kind, string Heading)> Sections { get; } =
    [
        (RuleKind.Urgent, "Urgent findings"),
        (RuleKind.Absolute, "Absolute contraindications"),
        (RuleKind.Temporary, "Temporary contraindications"),
        (RuleKind.Relative, "Cautions (relative contraindications)"),
        (RuleKind.Indication, "Indications"),
        (RuleKind.Info, "Advisories"),
        (RuleKind.Derivation, "Derived findings"),
        (RuleKind.Outcome, "Outcome"),
    ];

    /// <summary>What a source status tag means.</summary>
    public static IReadOnlyList<(string Tag, string Meaning)> StatusTags { get; } =
    [
        ("V", "verified: read in a public copy of the source"),
        ("P", "published, but the specific text could not be read: a clinician must check the original"),
        ("U", "unverified: kept configurable"),
        ("POLICY", "a programme design decision, configurable"),
    ];

    /// <summary>A policy parameter as the response's policy object names it (e.g. trialMinWeeksAtDose).</summary>
    public static string PolicyName(string parameter) => JsonNamingPolicy.CamelCase.ConvertName(parameter);

    /// <summary>Every policy value as text by its contract name (numbers, true/false, enum names), read once.</summary>
    public static IReadOnlyDictionary<string, string> PolicyValues(ScreeningPolicy policy) =>
        JsonSerializer.SerializeToElement(policy, ScreeningJson.Options).EnumerateObject().ToDictionary(
            property => property.Name,
            property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText(),
            StringComparer.Ordinal);

    /// <summary>The policy values a rule reads, as "name = value".</summary>
    public static string PolicyValuesOf(RuleCatalogEntry rule, IReadOnlyDictionary<string, string> values, string quote = "") =>
        string.Join(", ", rule.PolicyParameters.Select(p => $"{quote}{PolicyName(p)}{quote} = {values.GetValueOrDefault(PolicyName(p), "?")}"));

    /// <summary>A rule's intake fields as a line of the document (each field in <paramref name="quote"/>s).</summary>
    public static string IntakeRead(RuleInput input, string quote = "`")
    {
        var fields = input.Fields.Count == 0 ? "no intake field directly" : string.Join(", ", input.Fields.Select(f => $"{quote}{f}{quote}"));
        var through = input.Through.Count == 0 ? string.Empty : $" (through the {string.Join(", the ", input.Through)})";
        return fields + through + (input.OtherRulesFindings ? "; and every other rule's findings" : string.Empty);
    }

    public static string Markdown(RuleCatalog catalog, ScreeningPolicy policy)
    {
        var values = PolicyValues(policy);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# Clinical rules, ruleset {catalog.Version.Version}");
        Line();
        Line("Generated from the rule catalog (`GET /v1/rules` serves the same entries; `/rules` renders them). Do not edit:");
        Line("`SCREENING_UPDATE_DOCS=1 dotnet test` writes it again, and a test fails when it differs from the rules.");
        Line();
        Line("**Decision support, not a diagnosis.** Every rule must be reviewed by a licensed psychiatrist or pain physician");
        Line("before clinical use; rules whose source is tagged P or U rest on text that could not be read in full.");
        Line();
        Line("- **Source status tags**: " + string.Join("; ", StatusTags.Select(t => $"`{t.Tag}` {t.Meaning}")) + ".");
        Line("- **Evidence levels** (indications): E1 regulatory approval to E4 case series or weak evidence.");
        Line("- **spec §**: the section of the clinical screening specification (revision 2) a rule encodes, kept for");
        Line("  traceability; this document states each rule's content, so the specification is not needed to use it.");
        Line("- **Policy values** are configuration (`Screening:Policy:<name>`); the values below are the `default` profile's.");
        Line("- **Intake read**: the request fields (JSON paths) a rule's conditions and explanation name, read from the rule");
        Line("  itself, with those of the derived facts it matches; `section.*` is a section a helper reads in full.");
        Line();
        Line($"{catalog.Entries.Count} rules.");
        foreach (var (kind, heading) in Sections)
        {
            var rules = catalog.Entries.Where(e => e.Kind == kind).OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
            if (rules.Length == 0)
            {
                continue;
            }

            Line();
            Line($"## {heading}");
            foreach (var rule in rules)
            {
                Line();
                Line($"### {rule.Id}: {rule.Title}");
                Line();
                Line(rule.Description);
                Line();
                Line($"- Kind: {ScreeningJson.NameOf(rule.Kind)}" + (rule.Subtype is { } subtype ? $" ({ScreeningJson.NameOf(subtype)} emergency)" : string.Empty));
                if (rule.RegulatoryStatus is { } regulatory)
                {
                    Line($"- Regulatory status: {ScreeningJson.NameOf(regulatory)}; evidence level: {(rule.EvidenceLevel is { } level ? ScreeningJson.NameOf(level) : "not rated")}");
                }

                if (rule.PolicyParameters.Count > 0)
                {
                    Line("- Policy values in force: " + PolicyValuesOf(rule, values, "`"));
                }

                if (rule.RescreenWhen is { } rescreen)
                {
                    Line($"- Re-screen: {rescreen}");
                }

                Line($"- Source [{ScreeningJson.NameOf(rule.Source.Status)}]: {rule.Source.Citation}");
                if (RuleInputs.All.GetValueOrDefault(rule.Id) is { } input)
                {
                    Line("- Intake read: " + IntakeRead(input));
                }
            }
        }

        Line();
        Line("## Policy in force (default profile)");
        Line();
        Line("| Parameter | Value |");
        Line("|---|---|");
        foreach (var (name, value) in values)
        {
            Line($"| `{name}` | {value} |");
        }

        return md.ToString();
    }
}
