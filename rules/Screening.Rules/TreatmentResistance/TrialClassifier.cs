using Screening.Domain.Json;

namespace Screening.Rules.TreatmentResistance;

/// <summary>
/// Classifies one treatment trial (spec §3.2): a failed adequate trial needs an adequate dose, enough weeks at
/// that dose, improvement no greater than the non-response threshold and, for depression, membership of the current
/// episode. Where the specification names the agents that count (antidepressants for depression, SSRIs, SNRIs or CBT
/// for anxiety, SSRIs, SNRIs or trauma-focused psychotherapy for PTSD, SRIs or ERP for OCD, first-line agents for
/// neuropathic pain), other agents are not counted. A known reason not to count a trial wins;
/// otherwise an unknown answer leaves it indeterminate.
/// </summary>
public static class TrialClassifier
{
    /// <summary>Every trial of the questionnaire, classified; not taken when the list was left out.</summary>
    public static TreatmentHistory History(IReadOnlyList<TreatmentTrial>? trials, ScreeningPolicy policy) =>
        new(trials is not null, (trials ?? []).Select((trial, index) => Classify(index, trial, policy)).ToArray());

    public static TrialAssessment Classify(int index, TreatmentTrial trial, ScreeningPolicy policy)
    {
        var drug = DrugVocabulary.Read(trial.Drug);
        TrialAssessment Result(TrialClassification classification, string reason, IReadOnlyList<IntakeField> missing) =>
            new(index, trial, drug.Key, drug.IsRecognised, classification, reason, missing);

        if ((NotCountedKind(trial) ?? NotCountedAgent(trial, drug)) is { } notCountedReason)
        {
            return Result(TrialClassification.NotCounted, "not counted: " + notCountedReason, []);
        }

        var notCounted = new List<string>();
        var missing = new List<IntakeField>();
        if (!drug.IsRecognised && AgentClassMatters(trial.Condition))
        {
            missing.Add(Fields.Trial.Drug.At(index).Because(UnrecognisedNameQuestion(trial)));
        }

        // An OCD therapy here is ERP, or a name that may be ERP (a recognised other therapy is not counted above).
        if (trial is { Condition: TrialCondition.Ocd, Kind: TrialKind.Psychotherapy })
        {
            ClassifyErpCourse(index, trial, policy, notCounted, missing);
        }
        else
        {
            ClassifyTreatment(index, trial, policy, notCounted, missing);
        }

        if (notCounted.Count > 0)
        {
            return Result(TrialClassification.NotCounted, $"not counted: {string.Join("; ", notCounted)}", []);
        }

        return missing.Count > 0
            ? Result(TrialClassification.Indeterminate, $"indeterminate: {string.Join(", ", missing.Select(f => f.Path[(f.Path.IndexOf('.') + 1)..]).Distinct())} unknown", missing)
            : Result(TrialClassification.FailedAdequate, FailedText(trial, drug), []);
    }

    /// <summary>Depression and bipolar depression come in episodes; only trials of the current one count.</summary>
    public static bool IsEpisodic(TrialCondition condition) =>
        condition is TrialCondition.Depression or TrialCondition.BipolarDepression;

    private static void ClassifyTreatment(int index, TreatmentTrial trial, ScreeningPolicy policy, List<string> notCounted, List<IntakeField> missing)
    {
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
                notCounted.Add($"stopped at {weeks:0.#} weeks for {ScreeningJson.NameOf(trial.ReasonStopped)}, before week {Thresholds.EarlyStopWeeksBelow}, without clear non-response");
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
                    : $"improvement rated '{ScreeningJson.NameOf(trial.ImprovementCategory)}'");
                break;
            case Answer.Unknown:
                AddImprovementMissing(index, trial, missing);
                break;
        }
    }

    /// <summary>
    /// OCD (spec §4, R2-6): one completed course of exposure and response prevention without remission counts.
    /// "Completed" is an adequate course (<c>doseAdequate</c>) not stopped for intolerance or non-adherence.
    /// </summary>
    private static void ClassifyErpCourse(int index, TreatmentTrial trial, ScreeningPolicy policy, List<string> notCounted, List<IntakeField> missing)
    {
        if (trial.ReasonStopped is StopReason.Intolerance or StopReason.NonAdherence)
        {
            notCounted.Add($"ERP stopped for {ScreeningJson.NameOf(trial.ReasonStopped)}: the course was not completed");
        }

        if (trial.DoseAdequate == Answer.No)
        {
            notCounted.Add("not a complete, adequate ERP course");
        }
        else if (trial.DoseAdequate == Answer.Unknown)
        {
            missing.Add(Fields.Trial.DoseAdequate.At(index));
        }

        var byRating = trial.ImprovementCategory switch
        {
            ImprovementCategory.Remission => Answer.Yes,
            ImprovementCategory.None or ImprovementCategory.Minimal or ImprovementCategory.Partial or ImprovementCategory.Response => Answer.No,
            _ => Answer.Unknown,
        };

        // A percentage within the non-response limit rules remission out; a larger one cannot tell.
        var byPercent = trial.ImprovementPercent <= policy.NonResponseMaxImprovementPercent ? Answer.No : Answer.Unknown;
        var contradicts = ImprovementContradicts(trial);
        var remission = byRating == Answer.Unknown ? byPercent
            : contradicts && byPercent != byRating ? Answer.Unknown
            : byRating;
        if (remission == Answer.Yes)
        {
            notCounted.Add("the ERP course ended in remission");
        }
        else if (remission == Answer.Unknown && contradicts)
        {
            AddImprovementMissing(index, trial, missing);
        }
        else if (remission == Answer.Unknown)
        {
            missing.Add(Fields.Trial.ImprovementCategory.At(index).Because("was the course followed by remission?"));
        }
    }

    private static string? NotCountedKind(TreatmentTrial trial) => trial.Kind switch
    {
        TrialKind.Augmentation => "augmentation agent (recorded, not counted)",
        TrialKind.Neuromodulation => "neuromodulation (recorded, not counted)",
        TrialKind.Psychotherapy when IsEpisodic(trial.Condition) => "psychotherapy does not count towards treatment-resistant depression",
        TrialKind.Psychotherapy when trial.Condition == TrialCondition.NeuropathicPain => "only first-line agents (a gabapentinoid, an SNRI or a tricyclic) count for neuropathic pain",
        _ => null,
    };

    /// <summary>An agent of a class that does not count for the trial's condition.</summary>
    private static string? NotCountedAgent(TreatmentTrial trial, DrugName drug)
    {
        if (drug.Ingredient is not { } ingredient)
        {
            return null;
        }

        if (trial is { Condition: TrialCondition.Ocd, Kind: TrialKind.Psychotherapy } && !ingredient.Is(DrugClass.ExposureAndResponsePrevention))
        {
            return $"{ingredient.Name} is not exposure and response prevention, the psychotherapy that counts for OCD";
        }

        // Spec §4 counts "an evidence-based bipolar-depression treatment" and "an evidence-based ED treatment" without
        // listing them; whatever the list, a drug of no mood-stabiliser, antipsychotic or antidepressant class (a
        // benzodiazepine, an opioid, an analgesic, ...) or a gabapentinoid is not on it. The other recognised classes
        // still count, as does a name the vocabulary does not know.
        var treatsNeitherCondition = ingredient.Is(DrugClass.OtherDrug) || ingredient.Is(DrugClass.Gabapentinoid);

        return (trial.Condition, trial.Kind) switch
        {
            // Spec §4: "adequate SSRI/SNRI and/or CBT" (anxiety), "trauma-focused psychotherapy or adequate SSRI/SNRI
            // trial" (PTSD); a benzodiazepine, an antipsychotic or supportive counselling is not a first-line treatment.
            (TrialCondition.Anxiety, _) when !ingredient.IsSsriOrSnri && !ingredient.Is(DrugClass.CognitiveBehaviouralTherapy) =>
                $"{ingredient.Name} is not a first-line anxiety treatment; only SSRI or SNRI trials and CBT count",
            (TrialCondition.Ptsd, _) when !ingredient.IsSsriOrSnri && !ingredient.Is(DrugClass.TraumaFocusedPsychotherapy) =>
                $"{ingredient.Name} is not a first-line PTSD treatment; only SSRI or SNRI trials and trauma-focused psychotherapy count",
            (TrialCondition.Depression, TrialKind.Medication) when !ingredient.IsAntidepressant =>
                $"{ingredient.Name} is not an antidepressant (an augmenting agent for depression: recorded, not counted)",
            (TrialCondition.Ocd, TrialKind.Medication) when !ingredient.Is(DrugClass.SerotoninReuptakeInhibitorForOcd) =>
                $"{ingredient.Name} is not a serotonin reuptake inhibitor; only SRIs count for OCD",
            (TrialCondition.NeuropathicPain, TrialKind.Medication) when !ingredient.IsFirstLineNeuropathicAgent =>
                $"{ingredient.Name} is not a first-line neuropathic pain agent (a gabapentinoid, an SNRI or a tricyclic)",
            (TrialCondition.BipolarDepression, _) when treatsNeitherCondition =>
                $"{ingredient.Name} is not a bipolar-depression treatment (a mood stabiliser, an antipsychotic or an antidepressant counts)",
            (TrialCondition.EatingDisorder, _) when treatsNeitherCondition =>
                $"{ingredient.Name} is not an eating-disorder treatment",
            _ => null,
        };
    }

    /// <summary>
    /// For anxiety, PTSD, OCD and neuropathic pain only named classes of drug or therapy count, so an unrecognised name
    /// leaves the trial undecided; for other conditions an unrecognised name counts by its own name and is flagged for
    /// the clinician.
    /// </summary>
    private static bool AgentClassMatters(TrialCondition condition) =>
        condition is TrialCondition.Anxiety or TrialCondition.Ptsd or TrialCondition.Ocd or TrialCondition.NeuropathicPain;

    /// <summary>What to ask about a name the vocabulary does not know, where the criterion counts only named classes.</summary>
    private static string UnrecognisedNameQuestion(TreatmentTrial trial) => (trial.Condition, trial.Kind) switch
    {
        (TrialCondition.Anxiety, TrialKind.Psychotherapy) =>
            "the therapy is not one the service recognises: name it (cognitive behavioural therapy counts for anxiety)",
        (TrialCondition.Ocd, TrialKind.Psychotherapy) =>
            "the therapy is not one the service recognises: name it (exposure and response prevention counts for OCD)",
        (TrialCondition.Ptsd, TrialKind.Psychotherapy) =>
            "the therapy is not one the service recognises: name it (a trauma-focused psychotherapy counts for PTSD: CPT, prolonged exposure, EMDR, trauma-focused CBT)",
        _ => "the name is not in the service's drug vocabulary: give the generic or brand name",
    };

    /// <summary>
    /// Yes when the improvement is within the non-response limit (or rated none, minimal or partial). The percentage is
    /// read first; where the rating contradicts it and would decide otherwise, neither is taken: unknown.
    /// </summary>
    private static Answer NonResponse(TreatmentTrial trial, ScreeningPolicy policy)
    {
        var byRating = trial.ImprovementCategory switch
        {
            ImprovementCategory.None or ImprovementCategory.Minimal or ImprovementCategory.Partial => Answer.Yes,
            ImprovementCategory.Response or ImprovementCategory.Remission => Answer.No,
            _ => Answer.Unknown,
        };
        if (trial.ImprovementPercent is not { } pct)
        {
            return byRating;
        }

        var byPercent = pct <= policy.NonResponseMaxImprovementPercent ? Answer.Yes : Answer.No;
        return byRating != Answer.Unknown && byRating != byPercent && ImprovementContradicts(trial) ? Answer.Unknown : byPercent;
    }

    /// <summary>
    /// The percentage and the rating disagree about a response of 50 % or more (70 % rated minimal, 30 % rated
    /// remission). Such a trial is left undecided rather than read from either, so that a typing error cannot count a
    /// trial the patient responded to; where both readings decide the same, the trial is decided.
    /// </summary>
    private static bool ImprovementContradicts(TreatmentTrial trial) =>
        trial.ImprovementPercent is { } pct && trial.ImprovementCategory switch
        {
            ImprovementCategory.None or ImprovementCategory.Minimal or ImprovementCategory.Partial => pct >= Thresholds.ResponseImprovementPercentAtLeast,
            ImprovementCategory.Response or ImprovementCategory.Remission => pct < Thresholds.ResponseImprovementPercentAtLeast,
            _ => false,
        };

    /// <summary>Both improvement questions, with why a given answer is asked again when the two contradict each other.</summary>
    private static void AddImprovementMissing(int index, TreatmentTrial trial, List<IntakeField> missing)
    {
        if (ImprovementContradicts(trial))
        {
            var note = $"{trial.ImprovementPercent} % improvement and the rating '{ScreeningJson.NameOf(trial.ImprovementCategory)}' contradict each other "
                + $"(a response is {Thresholds.ResponseImprovementPercentAtLeast} % or more): correct the one that is wrong";
            missing.Add(Fields.Trial.ImprovementPercent.At(index).Because(note));
            missing.Add(Fields.Trial.ImprovementCategory.At(index).Because(note));
            return;
        }

        missing.Add(Fields.Trial.ImprovementPercent.At(index));
        missing.Add(Fields.Trial.ImprovementCategory.At(index));
    }

    private static bool IsErpCourse(TreatmentTrial trial, DrugName drug) =>
        trial is { Condition: TrialCondition.Ocd, Kind: TrialKind.Psychotherapy } && drug.Ingredient?.Is(DrugClass.ExposureAndResponsePrevention) == true;

    private static string FailedText(TreatmentTrial trial, DrugName drug) =>
        IsErpCourse(trial, drug) ? $"completed ERP course without remission ({ImprovementText(trial)})"
        : trial.Kind == TrialKind.Psychotherapy ? $"failed adequate course ({trial.WeeksAtDose:0.#} weeks, {ImprovementText(trial)})"
        : $"failed adequate trial ({trial.WeeksAtDose:0.#} weeks at an adequate dose, {ImprovementText(trial)})";

    private static string ImprovementText(TreatmentTrial trial) =>
        trial.ImprovementPercent is { } pct ? $"{pct} % improvement" : $"improvement rated '{ScreeningJson.NameOf(trial.ImprovementCategory)}'";
}
