using Screening.Rules.TreatmentResistance;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.TreatmentResistance;

public class TrialClassificationRuleTests
{
    private static TrialAssessment Classify(TreatmentTrial trial, ScreeningPolicy? policy = null) =>
        Assert.Single(Assert.Single(RuleSession.For<TrialClassificationRule>().Evaluate(Intakes.Refer().WithTrials(trial), policy).Yielded<TreatmentHistory>()).Trials);

    private static readonly TreatmentTrial Failed = Intakes.FailedAntidepressant("sertraline");

    [Fact]
    public void An_adequate_non_responding_current_trial_is_a_failed_adequate_trial() =>
        Assert.Equal(TrialClassification.FailedAdequate, Classify(Failed).Classification);

    [Theory]
    [InlineData("6", TrialClassification.FailedAdequate)]
    [InlineData("5.9", TrialClassification.NotCounted)]
    public void Needs_6_weeks_at_dose(string weeks, TrialClassification expected) =>
        Assert.Equal(expected, Classify(Failed with { WeeksAtDose = decimal.Parse(weeks) }).Classification);

    [Fact]
    public void Counts_4_weeks_under_the_4_week_setting() =>
        Assert.Equal(TrialClassification.FailedAdequate, Classify(Failed with { WeeksAtDose = 4 }, new ScreeningPolicy { TrialMinWeeksAtDose = 4 }).Classification);

    [Theory]
    [InlineData(49, TrialClassification.FailedAdequate)]
    [InlineData(50, TrialClassification.NotCounted)]
    public void Non_response_is_at_most_49_percent(int improvement, TrialClassification expected) =>
        Assert.Equal(expected, Classify(Failed with { ImprovementPercent = improvement }).Classification);

    [Theory]
    [InlineData(24, TrialClassification.FailedAdequate)]
    [InlineData(25, TrialClassification.NotCounted)]
    public void The_strict_setting_counts_below_25_percent(int improvement, TrialClassification expected) =>
        Assert.Equal(expected, Classify(Failed with { ImprovementPercent = improvement }, new ScreeningPolicy { NonResponseMaxImprovementPercent = 24 }).Classification);

    [Fact]
    public void An_unknown_improvement_names_both_the_percentage_and_the_category() =>
        Assert.Equal(["treatmentTrials[0].improvementPercent", "treatmentTrials[0].improvementCategory"],
            Classify(Failed with { ImprovementPercent = null, ImprovementCategory = ImprovementCategory.Unknown }).Missing.Select(f => f.Path));

    [Fact]
    public void A_reason_names_the_improvement_category_as_the_contract_writes_it() =>
        Assert.Contains("improvement rated 'minimal'", Classify(Failed with { ImprovementPercent = null, ImprovementCategory = ImprovementCategory.Minimal }).Reason);

    [Fact]
    public void A_reason_names_the_stop_reason_as_the_contract_writes_it() =>
        Assert.Contains("for non-adherence", Classify(Failed with { WeeksAtDose = 2, ReasonStopped = StopReason.NonAdherence }).Reason);

    [Fact]
    public void A_recognised_non_antidepressant_does_not_count_towards_trd()
    {
        var trial = Classify(Failed with { Drug = "Seroquel XR" });

        Assert.Equal(TrialClassification.NotCounted, trial.Classification);
        Assert.Contains("quetiapine is not an antidepressant", trial.Reason);
    }

    [Fact]
    public void An_unrecognised_name_counts_towards_trd_by_its_own_name()
    {
        var trial = Classify(Failed with { Drug = "Agomelatina 25 mg" });

        Assert.Equal(TrialClassification.FailedAdequate, trial.Classification);
        Assert.False(trial.AgentRecognised);
        Assert.Equal("agomelatina", trial.Agent);
    }

    [Fact]
    public void The_agent_of_a_brand_name_is_its_active_ingredient() => Assert.Equal("venlafaxine", Classify(Failed with { Drug = "Effexor XR" }).Agent);

    [Fact]
    public void A_non_sri_for_ocd_is_not_counted() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { Condition = TrialCondition.Ocd, Drug = "venlafaxine" }).Classification);

    [Fact]
    public void An_sri_for_ocd_counts() =>
        Assert.Equal(TrialClassification.FailedAdequate, Classify(Failed with { Condition = TrialCondition.Ocd, Drug = "clomipramine" }).Classification);

    [Fact]
    public void A_non_first_line_agent_for_neuropathic_pain_is_not_counted() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { Condition = TrialCondition.NeuropathicPain, Drug = "quetiapine" }).Classification);

    [Fact]
    public void Psychotherapy_for_neuropathic_pain_is_not_counted() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { Condition = TrialCondition.NeuropathicPain, Kind = TrialKind.Psychotherapy, Drug = "CBT" }).Classification);

    [Fact]
    public void Any_named_treatment_counts_for_fibromyalgia() =>
        Assert.Equal(TrialClassification.FailedAdequate, Classify(Failed with { Condition = TrialCondition.Fibromyalgia, Drug = "graded exercise", Kind = TrialKind.Psychotherapy, CurrentEpisode = Answer.Unknown }).Classification);

    [Theory]
    [InlineData(ImprovementCategory.Partial, TrialClassification.FailedAdequate)]
    [InlineData(ImprovementCategory.Response, TrialClassification.NotCounted)]
    [InlineData(ImprovementCategory.Unknown, TrialClassification.Indeterminate)]
    public void A_category_is_used_when_no_percentage_is_known(ImprovementCategory category, TrialClassification expected) =>
        Assert.Equal(expected, Classify(Failed with { ImprovementPercent = null, ImprovementCategory = category }).Classification);

    // A response is 50 % or more: a percentage on the other side of 50 from the rating contradicts it.
    [Theory]
    [InlineData(49, ImprovementCategory.Remission, TrialClassification.Indeterminate)]
    [InlineData(50, ImprovementCategory.Remission, TrialClassification.NotCounted)]
    [InlineData(30, ImprovementCategory.Response, TrialClassification.Indeterminate)]
    [InlineData(50, ImprovementCategory.Response, TrialClassification.NotCounted)]
    [InlineData(50, ImprovementCategory.Minimal, TrialClassification.Indeterminate)]
    [InlineData(49, ImprovementCategory.Minimal, TrialClassification.FailedAdequate)]
    [InlineData(70, ImprovementCategory.None, TrialClassification.Indeterminate)]
    [InlineData(55, ImprovementCategory.Partial, TrialClassification.Indeterminate)]
    [InlineData(30, ImprovementCategory.Partial, TrialClassification.FailedAdequate)]
    public void A_percentage_that_contradicts_the_rating_leaves_the_trial_undecided(int percent, ImprovementCategory rating, TrialClassification expected) =>
        Assert.Equal(expected, Classify(Failed with { ImprovementPercent = percent, ImprovementCategory = rating }).Classification);

    [Fact]
    public void A_contradiction_asks_for_both_answers_again_and_says_why()
    {
        var missing = Classify(Failed with { ImprovementPercent = 30, ImprovementCategory = ImprovementCategory.Remission }).Missing;

        Assert.Equal(["treatmentTrials[0].improvementPercent", "treatmentTrials[0].improvementCategory"], missing.Select(f => f.Path));
        Assert.All(missing, f => Assert.Equal("30 % improvement and the rating 'remission' contradict each other (a response is 50 % or more): correct the one that is wrong", f.Note));
    }

    [Theory]
    [InlineData(30, ImprovementCategory.Response)]
    [InlineData(30, ImprovementCategory.Partial)]
    public void At_the_strict_setting_30_percent_is_decided_whatever_the_rating(int percent, ImprovementCategory rating) =>
        // At 24 %, 30 % is not non-response. Rated response it contradicts the rating, but both readings say "not
        // non-response", so nothing is asked; rated partial it agrees with the rating (below 50 %) and the percentage decides.
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { ImprovementPercent = percent, ImprovementCategory = rating }, new ScreeningPolicy { NonResponseMaxImprovementPercent = 24 }).Classification);

    [Fact]
    public void A_known_reason_not_to_count_wins_over_a_contradiction() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { DoseAdequate = Answer.No, ImprovementPercent = 30, ImprovementCategory = ImprovementCategory.Remission }).Classification);

    [Fact]
    public void An_inadequate_dose_is_not_counted() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { DoseAdequate = Answer.No }).Classification);

    [Fact]
    public void An_unknown_dose_adequacy_is_indeterminate_and_names_the_field()
    {
        var trial = Classify(Failed with { DoseAdequate = Answer.Unknown });

        Assert.Equal(TrialClassification.Indeterminate, trial.Classification);
        Assert.Equal(["treatmentTrials[0].doseAdequate"], trial.Missing.Select(f => f.Path));
    }

    [Fact]
    public void A_previous_episode_is_not_counted() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { CurrentEpisode = Answer.No }).Classification);

    [Fact]
    public void A_previous_episode_counts_when_the_policy_does_not_require_the_current_one() =>
        Assert.Equal(TrialClassification.FailedAdequate, Classify(Failed with { CurrentEpisode = Answer.No }, new ScreeningPolicy { TrdRequireCurrentEpisode = false }).Classification);

    [Fact]
    public void An_early_stop_for_intolerance_is_not_a_failure() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { WeeksAtDose = 2, ReasonStopped = StopReason.Intolerance }).Classification);

    [Fact]
    public void An_augmentation_is_recorded_but_not_counted() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { Kind = TrialKind.Augmentation }).Classification);

    [Fact]
    public void Psychotherapy_does_not_count_towards_trd() =>
        Assert.Equal(TrialClassification.NotCounted, Classify(Failed with { Kind = TrialKind.Psychotherapy }).Classification);

    [Fact]
    public void Psychotherapy_counts_for_ptsd_whatever_the_episode() =>
        Assert.Equal(TrialClassification.FailedAdequate,
            Classify(Failed with { Condition = TrialCondition.Ptsd, Kind = TrialKind.Psychotherapy, Drug = "prolonged exposure", CurrentEpisode = Answer.Unknown }).Classification);

    // Spec §4: anxiety counts "adequate SSRI/SNRI and/or CBT"; PTSD "trauma-focused psychotherapy or adequate SSRI/SNRI trial".
    [Theory]
    [InlineData(TrialCondition.Anxiety, TrialKind.Medication, "escitalopram", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Medication, "Effexor XR", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Psychotherapy, "CBT", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Psychotherapy, "cognitive behavioural therapy", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Medication, "clonazepam", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Medication, "quetiapine", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Medication, "pregabalin", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Medication, "bupropion", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Anxiety, TrialKind.Psychotherapy, "supportive counselling", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Medication, "sertraline for PTSD", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Medication, "venlafaxine", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Psychotherapy, "trauma-focused CBT", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Psychotherapy, "CPT", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Psychotherapy, "EMDR", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Medication, "prazosin", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Medication, "quetiapine", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Psychotherapy, "CBT", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.Ptsd, TrialKind.Psychotherapy, "psychodynamic therapy", TrialClassification.NotCounted)]
    public void Anxiety_and_ptsd_count_only_their_first_line_treatments(TrialCondition condition, TrialKind kind, string name, TrialClassification expected)
    {
        var trial = Classify(Failed with { Condition = condition, Kind = kind, Drug = name });

        Assert.Equal(expected, trial.Classification);
        if (expected == TrialClassification.NotCounted)
        {
            Assert.Contains("first-line", trial.Reason);
        }
    }

    [Theory]
    [InlineData(TrialCondition.Anxiety, TrialKind.Medication, "Velafax", "generic or brand name")]
    [InlineData(TrialCondition.Anxiety, TrialKind.Psychotherapy, "exposure therapy", "cognitive behavioural therapy counts")]
    [InlineData(TrialCondition.Ptsd, TrialKind.Medication, "Velafax", "generic or brand name")]
    [InlineData(TrialCondition.Ptsd, TrialKind.Psychotherapy, "group therapy", "trauma-focused psychotherapy counts")]
    public void An_unrecognised_name_for_anxiety_or_ptsd_is_asked_about(TrialCondition condition, TrialKind kind, string name, string question)
    {
        var trial = Classify(Failed with { Condition = condition, Kind = kind, Drug = name });

        Assert.Equal(TrialClassification.Indeterminate, trial.Classification);
        var missing = Assert.Single(trial.Missing);
        Assert.Equal("treatmentTrials[0].drug", missing.Path);
        Assert.Contains(question, missing.Note);
    }

    [Fact]
    public void A_failed_therapy_is_a_course_not_a_dose() =>
        Assert.Equal("failed adequate course (12 weeks, 20 % improvement)",
            Classify(Failed with { Condition = TrialCondition.Anxiety, Kind = TrialKind.Psychotherapy, Drug = "CBT", WeeksAtDose = 12 }).Reason);

    [Fact]
    public void A_benzodiazepine_does_not_count_towards_trd() =>
        Assert.Contains("clonazepam is not an antidepressant", Classify(Failed with { Drug = "Klonopin" }).Reason);

    [Fact]
    public void An_opioid_for_neuropathic_pain_is_recognised_and_not_counted()
    {
        var trial = Classify(Failed with { Condition = TrialCondition.NeuropathicPain, Drug = "tramadol" });

        Assert.Equal(TrialClassification.NotCounted, trial.Classification);
        Assert.Contains("tramadol is not a first-line neuropathic pain agent", trial.Reason);
    }

    [Theory]
    [InlineData(TrialCondition.BipolarDepression, "lamotrigine", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.BipolarDepression, "Seroquel", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.BipolarDepression, "sertraline", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.BipolarDepression, "clonazepam", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.BipolarDepression, "gabapentin", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.EatingDisorder, "fluoxetine", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.EatingDisorder, "olanzapine", TrialClassification.FailedAdequate)]
    [InlineData(TrialCondition.EatingDisorder, "lorazepam", TrialClassification.NotCounted)]
    [InlineData(TrialCondition.EatingDisorder, "pregabalin", TrialClassification.NotCounted)]
    public void Bipolar_depression_and_eating_disorders_do_not_count_drugs_that_do_not_treat_them(TrialCondition condition, string name, TrialClassification expected)
    {
        var trial = Classify(Failed with { Condition = condition, Drug = name });

        Assert.Equal(expected, trial.Classification);
        if (expected == TrialClassification.NotCounted)
        {
            Assert.Contains(condition == TrialCondition.EatingDisorder ? "is not an eating-disorder treatment" : "is not a bipolar-depression treatment", trial.Reason);
        }
    }

    [Fact]
    public void An_unrecognised_name_for_bipolar_depression_still_counts_by_its_name()
    {
        var trial = Classify(Failed with { Condition = TrialCondition.BipolarDepression, Drug = "Unheardofzine" });

        Assert.Equal(TrialClassification.FailedAdequate, trial.Classification);
        Assert.False(trial.AgentRecognised);
    }
}

public class RefractorinessTests
{
    private static TrialAssessment Trial(int index, string drug, TrialClassification classification)
    {
        var name = DrugVocabulary.Read(drug);
        return new(index, Intakes.FailedAntidepressant(drug), name.Key, name.IsRecognised, classification, classification.ToString(),
            classification == TrialClassification.Indeterminate ? [Fields.Trial.WeeksAtDose.At(index)] : []);
    }

    private static Refractoriness Assess(TrialAssessment[] trials, int required, bool distinctAgents) =>
        Refractoriness.Assess(new TreatmentHistory(taken: true, trials), TrialCondition.Depression, required, distinctAgents, "antidepressant trials");

    [Fact]
    public void A_history_not_taken_is_unknown_and_asks_for_the_history()
    {
        var result = Refractoriness.Assess(new TreatmentHistory(taken: false, []), TrialCondition.Depression, 2, distinctAgents: true, "antidepressant trials");

        Assert.Equal(Answer.Unknown, result.Met);
        Assert.Equal(["treatmentTrials"], result.Missing.Select(f => f.Path));
    }

    [Fact]
    public void A_history_of_no_treatments_is_not_met() =>
        Assert.Equal(Answer.No, Refractoriness.Assess(new TreatmentHistory(taken: true, []), TrialCondition.Depression, 2, distinctAgents: true, "antidepressant trials").Met);

    [Fact]
    public void A_brand_and_its_generic_are_one_agent() =>
        Assert.Equal(Answer.No, Assess([Trial(0, "venlafaxine", TrialClassification.FailedAdequate), Trial(1, "Effexor XR", TrialClassification.FailedAdequate)], 2, distinctAgents: true).Met);

    [Fact]
    public void An_unrecognised_name_is_named_for_the_clinician_to_check()
    {
        var result = Assess([Trial(0, "sertraline", TrialClassification.FailedAdequate), Trial(1, "Velafax", TrialClassification.FailedAdequate)], 2, distinctAgents: true);

        Assert.Equal(Answer.Yes, result.Met);
        Assert.Contains(result.Evidence, e => e.Field == "treatmentTrials[1]" && e.Value.StartsWith("Velafax: ", StringComparison.Ordinal) && e.Value.Contains("not in the drug vocabulary"));
        Assert.DoesNotContain(result.Evidence, e => e.Field == "treatmentTrials[0]" && e.Value.Contains("not in the drug vocabulary"));
    }

    [Fact]
    public void Two_failed_distinct_agents_meet_two_required() =>
        Assert.Equal(Answer.Yes, Assess([Trial(0, "sertraline", TrialClassification.FailedAdequate), Trial(1, "venlafaxine", TrialClassification.FailedAdequate)], 2, distinctAgents: true).Met);

    [Fact]
    public void The_same_drug_twice_counts_once_when_agents_must_differ() =>
        Assert.Equal(Answer.No, Assess([Trial(0, "sertraline", TrialClassification.FailedAdequate), Trial(1, "Sertraline ", TrialClassification.FailedAdequate)], 2, distinctAgents: true).Met);

    [Fact]
    public void The_same_drug_twice_counts_twice_otherwise() =>
        Assert.Equal(Answer.Yes, Assess([Trial(0, "sertraline", TrialClassification.FailedAdequate), Trial(1, "sertraline", TrialClassification.FailedAdequate)], 2, distinctAgents: false).Met);

    [Fact]
    public void One_failed_and_one_indeterminate_is_indeterminate_and_names_what_is_missing()
    {
        var result = Assess([Trial(0, "sertraline", TrialClassification.FailedAdequate), Trial(1, "venlafaxine", TrialClassification.Indeterminate)], 2, distinctAgents: true);

        Assert.Equal(Answer.Unknown, result.Met);
        Assert.Equal(["treatmentTrials[1].weeksAtDose"], result.Missing.Select(f => f.Path));
        Assert.Equal("1 failed adequate antidepressant trials and 1 undecided (needs ≥ 2)", result.Description);
    }

    [Fact]
    public void One_failed_trial_alone_does_not_meet_two() =>
        Assert.Equal(Answer.No, Assess([Trial(0, "sertraline", TrialClassification.FailedAdequate), Trial(1, "venlafaxine", TrialClassification.NotCounted)], 2, distinctAgents: true).Met);
}
