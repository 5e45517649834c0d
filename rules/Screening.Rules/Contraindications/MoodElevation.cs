namespace Screening.Rules.Contraindications;

/// <summary>
/// Whether the patient is in a manic, hypomanic or mixed episode now: a YMRS at or above the policy boundary (13) or
/// elevated mood in the past 2 weeks says yes; a YMRS below it, or "no" to the question without a YMRS, says no.
/// </summary>
public sealed class MoodElevation(Answer status, string text, IReadOnlyList<Evidence> evidence, IReadOnlyList<IntakeField> missing)
{
    public Answer Status { get; } = status;
    public string Text { get; } = text;
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;

    /// <summary>Just the status, without the explanation: cheap enough for a rule condition.</summary>
    public static Answer StatusOf(DiagnosisAnswers diagnoses, InstrumentScores instruments, ScreeningPolicy policy) =>
        instruments.YmrsTotal >= policy.YmrsElevationMin || diagnoses.CurrentMoodElevationSymptoms == Answer.Yes ? Answer.Yes
        // A clinician's YMRS below the boundary answers the question even when the self-report is missing.
        : instruments.YmrsTotal is not null || diagnoses.CurrentMoodElevationSymptoms == Answer.No ? Answer.No
        : Answer.Unknown;

    public static MoodElevation Assess(DiagnosisAnswers diagnoses, InstrumentScores instruments, ScreeningPolicy policy)
    {
        var ymrs = instruments.YmrsTotal;
        var symptoms = diagnoses.CurrentMoodElevationSymptoms;
        var evidence = new List<Evidence>();
        if (ymrs is { } y)
        {
            evidence.Add(new Evidence(Fields.YmrsTotal.Path, y.ToString(), $"≥ {policy.YmrsElevationMin}"));
        }

        if (symptoms == Answer.Yes)
        {
            evidence.Add(new Evidence(Fields.CurrentMoodElevationSymptoms.Path, "yes"));
        }

        var status = StatusOf(diagnoses, instruments, policy);
        if (status == Answer.Yes)
        {
            var what = ymrs >= policy.YmrsElevationMin
                ? $"YMRS {ymrs} is at or above {policy.YmrsElevationMin}"
                : "Days of elevated or irritable mood in the past 2 weeks are reported";
            return new MoodElevation(Answer.Yes, $"{what}: current manic, hypomanic or mixed episode.", evidence, []);
        }

        return status == Answer.No
            ? new MoodElevation(Answer.No, string.Empty, evidence, [])
            : new MoodElevation(Answer.Unknown, string.Empty, evidence, [Fields.CurrentMoodElevationSymptoms, Fields.YmrsTotal]);
    }
}
