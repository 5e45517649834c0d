using System.ComponentModel.DataAnnotations;

namespace Screening.Domain.Intake;

/// <summary>The condition a treatment trial was given for.</summary>
public enum TrialCondition
{
    Depression = 1,
    BipolarDepression,
    Anxiety,
    Ptsd,
    Ocd,
    EatingDisorder,
    Crps,
    Fibromyalgia,
    NeuropathicPain,
}

/// <summary>What kind of treatment a trial was.</summary>
public enum TrialKind
{
    /// <summary>A medication given as the main treatment (for depression: an antidepressant).</summary>
    Medication = 1,

    /// <summary>An augmenting agent added to another treatment: recorded, never counted as a failed trial.</summary>
    Augmentation,

    /// <summary>A structured psychotherapy (e.g. trauma-focused therapy, ERP, CBT).</summary>
    Psychotherapy,

    /// <summary>ECT, TMS or another neuromodulation treatment: recorded, not counted towards TRD.</summary>
    Neuromodulation,
}

/// <summary>The patient's or clinician's rating of improvement during a trial.</summary>
public enum ImprovementCategory
{
    Unknown = 0,
    None,
    Minimal,
    Partial,
    Response,
    Remission,
}

/// <summary>Why a trial ended.</summary>
public enum StopReason
{
    Unknown = 0,
    Ongoing,
    LackOfEfficacy,
    Intolerance,
    NonAdherence,
    Other,
}

/// <summary>
/// One treatment trial. Classified as a failed adequate trial, not counted, or indeterminate (spec §3.2):
/// a trial counts only with an adequate dose, enough weeks at that dose, little improvement and, for depression,
/// membership of the current episode.
/// </summary>
public sealed record TreatmentTrial
{
    /// <summary>The condition the trial treated.</summary>
    [Question("What condition was this treatment for?")]
    public required TrialCondition Condition { get; init; }

    /// <summary>Medication, augmentation, psychotherapy or neuromodulation.</summary>
    [Question("What kind of treatment was it?")]
    public required TrialKind Kind { get; init; }

    /// <summary>
    /// The drug (generic or brand name) or therapy, e.g. "sertraline", "Effexor XR" or "trauma-focused CBT". Distinct
    /// agents are counted by active ingredient. Where a criterion counts only some classes (anxiety: SSRIs, SNRIs and
    /// CBT; PTSD: SSRIs, SNRIs and trauma-focused psychotherapy; OCD: SRIs and ERP; neuropathic pain: gabapentinoids,
    /// SNRIs and tricyclics), other agents are not counted and a name the service does not recognise is asked about.
    /// For bipolar depression and eating disorders a benzodiazepine, an opioid, an analgesic, a gabapentinoid or another
    /// drug of no mood-stabiliser, antipsychotic or antidepressant class is not counted.
    /// </summary>
    [Question("Which drug or therapy was it?")]
    [MaxLength(IntakeLimits.MaxTextLength)]
    public required string Drug { get; init; }

    /// <summary>The highest daily dose reached, in milligrams. Recorded for the clinician; adequacy is <c>doseAdequate</c>.</summary>
    [Question("What was the highest daily dose (mg)?")]
    [Unit("mg", "mg")]
    [Range(0.0, 10000.0)]
    public decimal? MaxDailyDoseMg { get; init; }

    /// <summary>
    /// The prescriber's judgement that the dose reached the minimum adequate dose for this drug (for psychotherapy: an
    /// adequate course). No dose table is encoded: the specification leaves this to a clinician-maintained list.
    /// </summary>
    [Question("Did the dose reach at least the minimum adequate dose (for therapy: an adequate course)?")]
    public Answer DoseAdequate { get; init; }

    /// <summary>Weeks at that dose (for psychotherapy: weeks of treatment).</summary>
    [Question("For how many weeks was the treatment taken at that dose?")]
    [Unit("wk", "weeks")]
    [Range(0.0, 520.0)]
    public decimal? WeeksAtDose { get; init; }

    /// <summary>Improvement of symptoms during the trial, in percent (0-100). Read for non-response before <c>improvementCategory</c>; whether an OCD ERP course ended in remission is read from the category, which a percentage within the non-response limit stands in for. Where the two contradict each other about a response of 50 % or more (70 % rated minimal, 30 % rated remission) and would decide differently, the trial is undecided and both are asked again.</summary>
    [Question("By how much did the symptoms improve, in percent?")]
    [Unit("%", "%")]
    [Range(0, 100)]
    public int? ImprovementPercent { get; init; }

    /// <summary>Improvement as a category when no percentage is known: none, minimal and partial count as non-response.</summary>
    [Question("How much did the symptoms improve: none, minimal, partial, response or remission?")]
    public ImprovementCategory ImprovementCategory { get; init; }

    /// <summary>Why the trial ended.</summary>
    [Question("Why was the treatment stopped?")]
    public StopReason ReasonStopped { get; init; }

    /// <summary>The trial was given during the current episode (read for depression and bipolar depression).</summary>
    [Question("Was this treatment given during the current episode?")]
    public Answer CurrentEpisode { get; init; }
}
