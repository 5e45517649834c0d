using Screening.Domain.Intake;
using Screening.Domain.Outcome;

namespace Screening.Domain.Facts;

/// <summary>C-SSRS screener risk level (criteria.md §6.1).</summary>
public enum CssrsRiskLevel
{
    Unknown = 0,
    None,
    Low,
    Moderate,
    High,
}

/// <summary>The C-SSRS risk level derived from the screener items, with the items that decided it.</summary>
public sealed class CssrsRisk(CssrsRiskLevel level, string text, IReadOnlyList<Evidence> evidence, IReadOnlyList<IntakeField> missing)
{
    public CssrsRiskLevel Level { get; } = level;
    public string Text { get; } = text;
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;
}

/// <summary>Classification of one treatment trial (criteria.md §3.2).</summary>
public enum TrialClassification
{
    FailedAdequate = 1,
    NotCounted,
    Indeterminate,
}

/// <summary>A classified treatment trial: the trial, its index in the request, its class and why.</summary>
public sealed class TrialAssessment(int index, TreatmentTrial trial, TrialClassification classification, string reason, IReadOnlyList<IntakeField> missing)
{
    public int Index { get; } = index;
    public TreatmentTrial Trial { get; } = trial;
    public TrialClassification Classification { get; } = classification;
    public string Reason { get; } = reason;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;
}

/// <summary>Every treatment trial, classified: what the indication rules count failed trials from.</summary>
public sealed class TreatmentHistory(IReadOnlyList<TrialAssessment> trials)
{
    public IReadOnlyList<TrialAssessment> Trials { get; } = trials;

    /// <summary>The trials given for <paramref name="condition"/>.</summary>
    public IEnumerable<TrialAssessment> For(TrialCondition condition) => Trials.Where(t => t.Trial.Condition == condition);
}

/// <summary>Where the seated blood pressure falls among the gates of criteria.md §7.</summary>
public enum BloodPressureCategory
{
    Unknown = 0,

    /// <summary>At most 140 systolic and at most 90 diastolic.</summary>
    NotElevated,

    /// <summary>Above 140 systolic or above 90 diastolic, below the severe thresholds.</summary>
    Elevated,

    /// <summary>At or above the severe thresholds (180 / 120 by default).</summary>
    Severe,
}

/// <summary>The blood-pressure gate a reading falls in, with the reading and what was missing.</summary>
public sealed class BloodPressureGate(BloodPressureCategory category, int? systolic, int? diastolic, IReadOnlyList<Evidence> evidence, IReadOnlyList<IntakeField> missing)
{
    public BloodPressureCategory Category { get; } = category;
    public int? Systolic { get; } = systolic;
    public int? Diastolic { get; } = diastolic;
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;
}

/// <summary>Eating-disorder medical stability (criteria.md §6.3), derived only when an eating disorder is present or suspected.</summary>
public sealed class EatingDisorderStability(Answer unstable, IReadOnlyList<Evidence> criteriaMet, IReadOnlyList<IntakeField> missing)
{
    /// <summary>Yes: at least one instability criterion met; No: none met and BMI, heart rate and BP known; Unknown otherwise.</summary>
    public Answer Unstable { get; } = unstable;
    public IReadOnlyList<Evidence> CriteriaMet { get; } = criteriaMet;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;
}

/// <summary>An indication's assessment (criteria.md §4), yielded only for a triggered domain.</summary>
public sealed class IndicationAssessment(
    string id,
    IndicationStatus status,
    RegulatoryStatus regulatoryStatus,
    EvidenceLevel evidenceLevel,
    string text,
    IReadOnlyList<Evidence> evidence,
    IReadOnlyList<IntakeField> missing)
{
    public string Id { get; } = id;
    public IndicationStatus Status { get; } = status;
    public RegulatoryStatus RegulatoryStatus { get; } = regulatoryStatus;
    public EvidenceLevel EvidenceLevel { get; } = evidenceLevel;
    public string Text { get; } = text;
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;

    /// <summary>The category an established indication of this kind leads to (on-label TRD: refer; otherwise specialist review).</summary>
    public OutcomeCategory LeadsTo => Id == IndicationIds.Trd ? OutcomeCategory.Refer : OutcomeCategory.ReferWithSpecialistReview;
}

/// <summary>The indication rule ids of criteria.md §4.</summary>
public static class IndicationIds
{
    public const string Trd = "IND_TRD";
    public const string Mdsi = "IND_MDSI";
}
