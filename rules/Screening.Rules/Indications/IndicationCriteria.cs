using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

/// <summary>
/// Collects the criteria of one indication, each yes / no / unknown with the values it used, and turns them into the
/// indication's assessment: not met if any criterion is not met, indeterminate if any is unknown, else established.
/// </summary>
public sealed class IndicationCriteria
{
    private readonly List<string> _met = [];
    private readonly List<string> _unmet = [];
    private readonly List<string> _unknown = [];
    private readonly List<Evidence> _evidence = [];
    private readonly List<IntakeField> _missing = [];

    /// <summary>A criterion: its result, a neutral description with the value (e.g. "PHQ-9 total 8 (needs ≥ 10)"), its evidence and, if unknown, the fields that would decide it.</summary>
    public IndicationCriteria Require(Answer result, string description, IEnumerable<Evidence> evidence, IEnumerable<IntakeField> missingIfUnknown)
    {
        (result switch { Answer.Yes => _met, Answer.No => _unmet, _ => _unknown }).Add(description);
        _evidence.AddRange(evidence);
        if (result == Answer.Unknown)
        {
            _missing.AddRange(missingIfUnknown);
        }

        return this;
    }

    /// <summary>A yes / no / unknown answer that must be "yes" (a diagnosis, a current episode).</summary>
    public IndicationCriteria RequireYes(Answer answer, IntakeField field, string label) =>
        Require(answer, $"{label}: {Tri.Text(answer)}", [new Evidence(field.Path, Tri.Text(answer))], [field]);

    /// <summary>A yes / no / unknown answer that must be "no".</summary>
    public IndicationCriteria RequireNo(Answer answer, IntakeField field, string label) =>
        Require(Negate(answer), $"{label}: {Tri.Text(answer)}", [new Evidence(field.Path, Tri.Text(answer))], [field]);

    /// <summary>A score that must be at least <paramref name="threshold"/>.</summary>
    public IndicationCriteria RequireAtLeast<T>(T? value, T threshold, IntakeField field, string label) where T : struct, IComparable<T> =>
        Require(Tri.Of(value is { } v ? v.CompareTo(threshold) >= 0 : null),
            $"{label} {(value is { } x ? x.ToString() : "not given")} (needs ≥ {threshold})",
            value is { } e ? [new Evidence(field.Path, e.ToString()!, $"≥ {threshold}")] : [],
            [field]);

    /// <summary>The failed-treatment requirement.</summary>
    public IndicationCriteria RequireRefractory(Refractoriness refractoriness) =>
        Require(refractoriness.Met, refractoriness.Description, refractoriness.Evidence, refractoriness.Missing);

    /// <summary>
    /// A condition shown by a clinician diagnosis or by a screen (spec §4, R2-5): met when either is positive; not
    /// met when the screen is negative and the diagnosis is not "yes" (an unanswered diagnosis does not reopen a
    /// negative screen); otherwise unknown, asking for what the screen still needs and the diagnosis if unanswered.
    /// </summary>
    public IndicationCriteria RequireDiagnosisOrScreen(Answer diagnosis, IntakeField diagnosisField, Answer screen, IEnumerable<IntakeField> screenMissing,
        string description, IEnumerable<Evidence> evidence)
    {
        var result = diagnosis == Answer.Yes || screen == Answer.Yes ? Answer.Yes
            : screen == Answer.No ? Answer.No
            : Answer.Unknown;
        var missing = diagnosis == Answer.Unknown ? screenMissing.Append(diagnosisField) : screenMissing;
        return Require(result, description, [new Evidence(diagnosisField.Path, Tri.Text(diagnosis)), .. evidence], missing);
    }

    public IndicationAssessment Assess(RuleMetadata rule)
    {
        var regulatory = rule.RegulatoryStatus ?? throw new InvalidOperationException($"{rule.Id} has no [Indication].");
        var level = rule.EvidenceLevel!.Value;
        var (status, text) = (_unmet.Count, _unknown.Count) switch
        {
            ( > 0, _) => (IndicationStatus.NotMet, $"{rule.Title}: not met ({string.Join("; ", _unmet)})."),
            (0, > 0) => (IndicationStatus.Indeterminate, $"{rule.Title}: cannot be decided yet, unknown: {string.Join("; ", _unknown)}."),
            _ => (IndicationStatus.Established, $"{rule.Title}: established ({string.Join("; ", _met)}). {Pathway(regulatory)}, evidence level {level}."),
        };
        return new IndicationAssessment(rule.Id, status, regulatory, level, text, _evidence, status == IndicationStatus.Indeterminate ? _missing : []);
    }

    private static string Pathway(RegulatoryStatus status) => status == RegulatoryStatus.OnLabelEsketamine
        ? "On-label esketamine (SPRAVATO) in a REMS-certified setting"
        : "Off-label racemic ketamine, specialist-only";

    private static Answer Negate(Answer answer) => answer switch
    {
        Answer.Yes => Answer.No,
        Answer.No => Answer.Yes,
        _ => Answer.Unknown,
    };
}
