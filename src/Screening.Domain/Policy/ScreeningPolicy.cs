using System.ComponentModel.DataAnnotations;

namespace Screening.Domain.Policy;

/// <summary>How a non-medical dissociative use in the past 12 months is treated (spec §5).</summary>
public enum DissociativeMisuseHandling
{
    /// <summary>A relative contraindication (the label's "careful consideration"): specialist review.</summary>
    Relative = 1,

    /// <summary>An absolute contraindication, for sites that exclude recent misuse.</summary>
    Absolute,
}

/// <summary>How several blood-pressure readings of the same day are combined into the value the gates use (BP_READINGS_RULE).</summary>
public enum BloodPressureReadingsRule
{
    /// <summary>The mean systolic and the mean diastolic pressure.</summary>
    Mean = 1,

    /// <summary>The highest systolic and the highest diastolic pressure.</summary>
    Highest,
}

/// <summary>
/// A parameter's range, with a message that leaves the naming to the caller: the start-up check puts it after the
/// setting's path (<c>Screening:Policy:Pcl5Cutoff</c>), the policy-impact endpoint under the JSON name
/// (<c>policy.pcl5Cutoff</c>), so neither shows the C# property name.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterRangeAttribute : RangeAttribute
{
    private const string Message = "must be from {1} to {2}";

    public ParameterRangeAttribute(int minimum, int maximum) : base(minimum, maximum) => ErrorMessage = Message;

    public ParameterRangeAttribute(double minimum, double maximum) : base(minimum, maximum) => ErrorMessage = Message;
}

/// <summary>
/// The program-policy parameters in force: every value the specification marks [POLICY] (or [U], to be kept
/// configurable). Bound from <c>Screening:Policy</c>, validated at start-up, echoed in every result and part of the
/// ruleset hash. The defaults are the specification's.
/// </summary>
public sealed record ScreeningPolicy : IValidatableObject
{
    public const string DefaultProfile = "default";
    public const string UsLabelOnlyProfile = "us-label-only";

    /// <summary>The named profile these values started from: <c>default</c> or <c>us-label-only</c>.</summary>
    public string Profile { get; init; } = DefaultProfile;

    /// <summary>TRD_MIN_FAILED_TRIALS: failed adequate antidepressant trials in the current episode for TRD (USPI, EMA: 2).</summary>
    [ParameterRange(1, 10)]
    public int TrdMinFailedTrials { get; init; } = 2;

    /// <summary>TRD_MIN_WEEKS_AT_DOSE: weeks at an adequate dose for a trial to count (6 label-aligned; 4 for ATHF/Delphi counting).</summary>
    [ParameterRange(1, 52)]
    public int TrialMinWeeksAtDose { get; init; } = 6;

    /// <summary>TRD_NONRESPONSE_MAX_IMPROVEMENT_PCT: the largest improvement (%) still counted as non-response (49: below 50 %; strict: 24).</summary>
    [ParameterRange(0, 99)]
    public int NonResponseMaxImprovementPercent { get; init; } = 49;

    /// <summary>TRD_REQUIRE_CURRENT_EPISODE: only trials of the current episode count (depression, bipolar depression).</summary>
    public bool TrdRequireCurrentEpisode { get; init; } = true;

    /// <summary>TRD_REQUIRE_DISTINCT_AGENTS: failed trials count once per distinct drug (EMA "two different").</summary>
    public bool TrdRequireDistinctAgents { get; init; } = true;

    /// <summary>Failed adequate trials required for bipolar depression (CADTH 2019: 1; some sites 2).</summary>
    [ParameterRange(1, 10)]
    public int BipolarDepressionMinFailedTrials { get; init; } = 1;

    /// <summary>Failed first-line treatments required for PTSD.</summary>
    [ParameterRange(1, 10)]
    public int PtsdMinFailedTreatments { get; init; } = 1;

    /// <summary>Failed adequate SRI trials required for OCD (one completed ERP course without remission also suffices).</summary>
    [ParameterRange(1, 10)]
    public int OcdMinFailedTreatments { get; init; } = 2;

    /// <summary>Failed first-line treatments required for an anxiety disorder.</summary>
    [ParameterRange(1, 10)]
    public int AnxietyMinFailedTreatments { get; init; } = 2;

    /// <summary>Failed evidence-based treatments required for an eating disorder.</summary>
    [ParameterRange(1, 10)]
    public int EatingDisorderMinFailedTreatments { get; init; } = 1;

    /// <summary>Failed treatments required for a chronic-pain indication (CRPS, fibromyalgia, neuropathic pain).</summary>
    [ParameterRange(1, 10)]
    public int PainMinFailedTreatments { get; init; } = 2;

    /// <summary>The EU SmPC 6-week cardiovascular rule: a cardiovascular event in the last 6 weeks is an absolute (temporary) contraindication. Off: a relative one, as in the US label.</summary>
    public bool RecentCardiovascularEventIsAbsolute { get; init; } = true;

    /// <summary>Non-medical dissociative use in the past 12 months: relative (default) or absolute.</summary>
    public DissociativeMisuseHandling DissociativeMisuse { get; init; } = DissociativeMisuseHandling.Relative;

    /// <summary>PCL-5 total at or above which probable PTSD is met (conservative end of 31-33).</summary>
    [ParameterRange(0, 80)]
    public int Pcl5Cutoff { get; init; } = 33;

    /// <summary>Lowest PCL-5 total of the grey zone: from here to the cut-off, without a clinician diagnosis, PTSD is indeterminate.</summary>
    [ParameterRange(0, 80)]
    public int Pcl5GreyZoneMin { get; init; } = 31;

    /// <summary>Lowest average pain (NRS 0-10) for a chronic-pain indication ("moderate").</summary>
    [ParameterRange(0, 10)]
    public int PainNrsMin { get; init; } = 4;

    /// <summary>Lowest YMRS total that means current mood elevation (12 or less: none).</summary>
    [ParameterRange(1, 60)]
    public int YmrsElevationMin { get; init; } = 13;

    /// <summary>Optional, unsourced heart-rate gate: an abnormal resting heart rate adds a cardiovascular caution. Off by default.</summary>
    public bool HeartRateGateEnabled { get; init; }

    /// <summary>With the heart-rate gate on: a resting heart rate below this is abnormal.</summary>
    [ParameterRange(20, 250)]
    public int HeartRateGateBelow { get; init; } = 50;

    /// <summary>With the heart-rate gate on: a resting heart rate above this is abnormal.</summary>
    [ParameterRange(20, 250)]
    public int HeartRateGateAbove { get; init; } = 110;

    /// <summary>Systolic pressure (mmHg) at or above which hypertension is severe (ACC/AHA 2017 crisis threshold).</summary>
    [ParameterRange(141, 300)]
    public int SevereHypertensionSystolic { get; init; } = 180;

    /// <summary>Diastolic pressure (mmHg) at or above which hypertension is severe.</summary>
    [ParameterRange(91, 200)]
    public int SevereHypertensionDiastolic { get; init; } = 120;

    /// <summary>BP_READINGS_RULE: how up to three readings of the same day are combined (mean by default, or highest).</summary>
    public BloodPressureReadingsRule BloodPressureReadingsRule { get; init; } = BloodPressureReadingsRule.Mean;

    /// <summary>
    /// DANGER_TO_OTHERS_QUESTIONS_REQUIRED: when on, an unanswered danger-to-others question (homicidal ideation, command
    /// hallucinations) holds the outcome at insufficient information, for sites that ask them routinely. Off by default:
    /// they are not in the minimum dataset, so unanswered they are only worth asking.
    /// </summary>
    public bool DangerToOthersQuestionsRequired { get; init; }

    /// <summary>A blood-pressure reading older than this many days is treated as missing.</summary>
    [ParameterRange(0, 365)]
    public int BloodPressureMaxAgeDays { get; init; } = 30;

    /// <summary>BMI below which an eating disorder is medically unstable (program proxy for under 75 % of healthy weight).</summary>
    [ParameterRange(10.0, 18.5)]
    public decimal EdInstabilityBmiBelow { get; init; } = 15.0m;

    /// <summary>EDE-Q global score at or above which, with SCOFF 2 or more, an eating disorder is established (Mond 2008, unverified).</summary>
    [ParameterRange(0.0, 6.0)]
    public decimal EdeqGlobalCutoff { get; init; } = 4.0m;

    /// <summary>
    /// The named profiles: the specification's defaults, and one that follows the US prescribing information only (no
    /// EU 6-week cardiovascular rule). Both count distinct agents: the label's studies counted non-response to two
    /// different antidepressants.
    /// </summary>
    public static ScreeningPolicy ForProfile(string profile) => profile switch
    {
        DefaultProfile => new ScreeningPolicy(),
        UsLabelOnlyProfile => new ScreeningPolicy
        {
            Profile = UsLabelOnlyProfile,
            RecentCardiovascularEventIsAbsolute = false,
        },
        _ => throw new ArgumentException($"Unknown policy profile '{profile}'. Known: {DefaultProfile}, {UsLabelOnlyProfile}.", nameof(profile)),
    };

    public static IReadOnlyList<string> ProfileNames { get; } = [DefaultProfile, UsLabelOnlyProfile];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ProfileNames.Contains(Profile))
        {
            yield return new ValidationResult($"must be one of: {string.Join(", ", ProfileNames)}", [nameof(Profile)]);
        }

        if (Pcl5GreyZoneMin > Pcl5Cutoff)
        {
            yield return new ValidationResult("must not exceed pcl5Cutoff", [nameof(Pcl5GreyZoneMin)]);
        }

        if (HeartRateGateBelow >= HeartRateGateAbove)
        {
            yield return new ValidationResult("must be less than heartRateGateAbove", [nameof(HeartRateGateBelow)]);
        }

        if (!Enum.IsDefined(DissociativeMisuse))
        {
            yield return new ValidationResult("must be relative or absolute", [nameof(DissociativeMisuse)]);
        }

        if (!Enum.IsDefined(BloodPressureReadingsRule))
        {
            yield return new ValidationResult("must be mean or highest", [nameof(BloodPressureReadingsRule)]);
        }
    }
}
