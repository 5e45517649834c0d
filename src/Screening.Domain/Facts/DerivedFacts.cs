using Screening.Domain.Intake;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;

namespace Screening.Domain.Facts;

/// <summary>C-SSRS screener risk level (spec §6.1).</summary>
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

/// <summary>Classification of one treatment trial (spec §3.2).</summary>
public enum TrialClassification
{
    FailedAdequate = 1,
    NotCounted,
    Indeterminate,
}

/// <summary>A classified treatment trial: the trial, its index in the request, its class and why.</summary>
/// <param name="index">Position of the trial in the request.</param>
/// <param name="trial">The trial as sent.</param>
/// <param name="agent">What "distinct agents" compares it by: the active ingredient, or the normalised name when the name is not recognised.</param>
/// <param name="agentRecognised">False when the drug vocabulary does not know the name: the reason then asks the clinician to check it.</param>
/// <param name="classification">Failed adequate, not counted, or indeterminate.</param>
/// <param name="reason">Why, in words.</param>
/// <param name="missing">For an indeterminate trial: the fields that would decide it.</param>
public sealed class TrialAssessment(int index, TreatmentTrial trial, string agent, bool agentRecognised, TrialClassification classification, string reason, IReadOnlyList<IntakeField> missing)
{
    public int Index { get; } = index;
    public TreatmentTrial Trial { get; } = trial;
    public string Agent { get; } = agent;
    public bool AgentRecognised { get; } = agentRecognised;
    public TrialClassification Classification { get; } = classification;
    public string Reason { get; } = reason;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;
}

/// <summary>
/// Every treatment trial, classified: what the indication rules count failed trials from. When the history was not
/// taken (the list left out), <see cref="Taken"/> is false: refractoriness is then unknown, never "none".
/// </summary>
public sealed class TreatmentHistory(bool taken, IReadOnlyList<TrialAssessment> trials)
{
    public bool Taken { get; } = taken;
    public IReadOnlyList<TrialAssessment> Trials { get; } = trials;

    /// <summary>The trials given for <paramref name="condition"/>.</summary>
    public IEnumerable<TrialAssessment> For(TrialCondition condition) => Trials.Where(t => t.Trial.Condition == condition);
}

/// <summary>Where the seated blood pressure falls among the gates of spec §7.</summary>
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

/// <summary>The blood-pressure gate the reading in use falls in, with the reading and, when unknown, what is missing.</summary>
public sealed class BloodPressureGate(BloodPressureCategory category, BloodPressureMeasure reading, IReadOnlyList<IntakeField> missing)
{
    public BloodPressureCategory Category { get; } = category;

    /// <summary>The reading in use (single, or combined from a series).</summary>
    public BloodPressureMeasure Reading { get; } = reading;

    public decimal? Systolic => Reading.Systolic;
    public decimal? Diastolic => Reading.Diastolic;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;

    /// <summary>The reading as evidence, each pressure against the threshold given (see <see cref="BloodPressureMeasure.Evidence"/>).</summary>
    public IReadOnlyList<Evidence> Evidence(string? systolicThreshold = null, string? diastolicThreshold = null) =>
        Reading.Evidence(systolicThreshold, diastolicThreshold);
}

/// <summary>
/// Eating-disorder medical stability (spec §6.3), derived when an eating disorder is present or suspected, and when it
/// is unknown (diagnosis unanswered, no SCOFF) while a criterion is met or the BMI is below 18.5: the vital signs then
/// already show what an eating disorder would make urgent, or a caution.
/// </summary>
/// <param name="eatingDisorder">Yes: present or suspected (a diagnosis, or SCOFF 2 or more); Unknown: neither answered.</param>
/// <param name="unstable">Yes: at least one instability criterion met; No: none met and BMI, heart rate and BP known; Unknown otherwise.</param>
/// <param name="criteriaMet">The criteria met, as evidence.</param>
/// <param name="missing">BMI, heart rate or blood pressure unanswered (or the reading too old): these hold the outcome.</param>
/// <param name="worthAsking">Unanswered criteria that could show instability but do not hold the outcome (weight decline, orthostatic change, temperature, labs, acute compromise).</param>
public sealed class EatingDisorderStability(Answer eatingDisorder, Answer unstable, IReadOnlyList<Evidence> criteriaMet, IReadOnlyList<IntakeField> missing, IReadOnlyList<IntakeField> worthAsking)
{
    public Answer EatingDisorder { get; } = eatingDisorder;
    public Answer Unstable { get; } = unstable;
    public IReadOnlyList<Evidence> CriteriaMet { get; } = criteriaMet;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;
    public IReadOnlyList<IntakeField> WorthAsking { get; } = worthAsking;
}

/// <summary>An indication's assessment (spec §4), yielded only for a triggered domain.</summary>
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

/// <summary>
/// The ids of the indication rules the outcome precedence names (spec §4, §9): the rule classes take their
/// [Name] from here, so each id is written once.
/// </summary>
public static class IndicationIds
{
    public const string Trd = "IND_TRD";
    public const string Mdsi = "IND_MDSI";
}
