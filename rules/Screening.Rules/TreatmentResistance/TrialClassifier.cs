namespace Screening.Rules.TreatmentResistance;

/// <summary>
/// Classifies one treatment trial (criteria.md §3.2): a failed adequate trial needs an adequate dose, enough weeks at
/// that dose, improvement no greater than the non-response threshold and, for depression, the current episode. A
/// known reason not to count it wins; otherwise an unknown answer leaves it indeterminate.
/// </summary>
public static class TrialClassifier
{
    /// <summary>Every trial of the questionnaire, classified.</summary>
    public static TreatmentHistory History(IReadOnlyList<TreatmentTrial> trials, ScreeningPolicy policy) =>
        new(trials.Select((trial, index) => Classify(index, trial, policy)).ToArray());

    public static TrialAssessment Classify(int index, TreatmentTrial trial, ScreeningPolicy policy)
    {
        var notCounted = new List<string>();
        var missing = new List<IntakeField>();

        if (!CountsTowardsRefractoriness(trial, out var kindReason))
        {
            return new TrialAssessment(index, trial, TrialClassification.NotCounted, kindReason, []);
        }

        if (IsEpisodic(trial.Condition) && policy.TrdRequireCurrentEpisode)
        {
            if (trial.CurrentEpisode == Answer.No)
            {
                notCounted.Add("given in a previous episode");
            }
            else if (trial.CurrentEpisode == Answer.Unknown)
            {
                missing.Add(Fields.Trial.CurrentEpisode.At(index));
            }
        }

        if (trial.DoseAdequate == Answer.No)
        {
            notCounted.Add("dose below the minimum adequate dose");
        }
        else if (trial.DoseAdequate == Answer.Unknown)
        {
            missing.Add(Fields.Trial.DoseAdequate.At(index));
        }

        if (trial.WeeksAtDose is { } weeks)
        {
            if (weeks < Thresholds.EarlyStopWeeksBelow && trial.ReasonStopped is StopReason.Intolerance or StopReason.NonAdherence)
            {
                notCounted.Add($"stopped at {weeks:0.#} weeks for {(trial.ReasonStopped == StopReason.Intolerance ? "intolerance" : "non-adherence")}, before week {Thresholds.EarlyStopWeeksBelow}, without clear non-response");
            }
            else if (weeks < policy.TrialMinWeeksAtDose)
            {
                notCounted.Add($"{weeks:0.#} weeks at dose, fewer than {policy.TrialMinWeeksAtDose} (policy setting)");
            }
        }
        else
        {
            missing.Add(Fields.Trial.WeeksAtDose.At(index));
        }

        switch (NonResponse(trial, policy))
        {
            case Answer.No:
                notCounted.Add(trial.ImprovementPercent is { } pct
                    ? $"improved {pct} %, more than the {policy.NonResponseMaxImprovementPercent} % non-response limit"
                    : $"improvement rated '{trial.ImprovementCategory.ToString().ToLowerInvariant()}'");
                break;
            case Answer.Unknown:
                missing.Add(Fields.Trial.ImprovementPercent.At(index));
                break;
        }

        if (notCounted.Count > 0)
        {
            return new TrialAssessment(index, trial, TrialClassification.NotCounted, $"not counted: {string.Join("; ", notCounted)}", []);
        }

        return missing.Count > 0
            ? new TrialAssessment(index, trial, TrialClassification.Indeterminate, $"indeterminate: {string.Join(", ", missing.Select(f => f.Path[(f.Path.IndexOf('.') + 1)..]))} unknown", missing)
            : new TrialAssessment(index, trial, TrialClassification.FailedAdequate,
                $"failed adequate trial ({trial.WeeksAtDose:0.#} weeks at an adequate dose, {ImprovementText(trial)})", []);
    }

    /// <summary>Depression and bipolar depression come in episodes; only trials of the current one count.</summary>
    public static bool IsEpisodic(TrialCondition condition) =>
        condition is TrialCondition.Depression or TrialCondition.BipolarDepression;

    private static bool CountsTowardsRefractoriness(TreatmentTrial trial, out string reason)
    {
        reason = trial.Kind switch
        {
            TrialKind.Augmentation => "not counted: augmentation agent (recorded, not counted)",
            TrialKind.Neuromodulation => "not counted: neuromodulation (recorded, not counted)",
            TrialKind.Psychotherapy when IsEpisodic(trial.Condition) => "not counted: psychotherapy does not count towards treatment-resistant depression",
            _ => string.Empty,
        };
        return reason.Length == 0;
    }

    /// <summary>Yes when the improvement is within the non-response limit (or rated none, minimal or partial).</summary>
    private static Answer NonResponse(TreatmentTrial trial, ScreeningPolicy policy)
    {
        if (trial.ImprovementPercent is { } pct)
        {
            return pct <= policy.NonResponseMaxImprovementPercent ? Answer.Yes : Answer.No;
        }

        return trial.ImprovementCategory switch
        {
            ImprovementCategory.None or ImprovementCategory.Minimal or ImprovementCategory.Partial => Answer.Yes,
            ImprovementCategory.Response or ImprovementCategory.Remission => Answer.No,
            _ => Answer.Unknown,
        };
    }

    private static string ImprovementText(TreatmentTrial trial) =>
        trial.ImprovementPercent is { } pct ? $"{pct} % improvement" : $"improvement rated '{trial.ImprovementCategory.ToString().ToLowerInvariant()}'";
}
