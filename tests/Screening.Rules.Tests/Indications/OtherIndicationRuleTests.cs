using Screening.Rules.Indications;
using Screening.Rules.TreatmentResistance;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Indications;

/// <summary>Failed trials for a condition, for the refractoriness every off-label indication needs.</summary>
internal static class Trials
{
    // Where the specification names the agents that count (SSRIs and SNRIs for anxiety and PTSD, SRIs for OCD,
    // first-line agents for neuropathic pain), the trials use them; elsewhere any treatment counts.
    private static readonly Dictionary<TrialCondition, string[]> Agents = new()
    {
        [TrialCondition.Anxiety] = ["escitalopram", "venlafaxine", "sertraline"],
        [TrialCondition.Ptsd] = ["sertraline", "paroxetine", "venlafaxine"],
        [TrialCondition.Ocd] = ["fluvoxamine", "clomipramine", "sertraline"],
        [TrialCondition.NeuropathicPain] = ["pregabalin", "duloxetine", "amitriptyline"],
    };

    public static TreatmentTrial[] Failed(TrialCondition condition, int count) =>
        Enumerable.Range(1, count).Select(i => Intakes.FailedAntidepressant(Agents.TryGetValue(condition, out var agents) ? agents[i - 1] : $"treatment {i}")
            with { Condition = condition, CurrentEpisode = Answer.Unknown }).ToArray();
}

public class PtsdIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(Answer diagnosis, int? pcl5, int failed = 1, ScreeningPolicy? policy = null) =>
        RuleSession.For<PtsdIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { Ptsd = diagnosis }).WithInstruments(i => i with { Pcl5Total = pcl5 }).WithTrials(Trials.Failed(TrialCondition.Ptsd, failed)), policy)
            .IndicationOf<PtsdIndicationRule>();

    [Fact]
    public void Is_established_by_a_clinician_diagnosis() =>
        Assert.Equal(RegulatoryStatus.OffLabelKetamine, RuleAssert.Status(Evaluate(Answer.Yes, null), IndicationStatus.Established).RegulatoryStatus);

    [Fact]
    public void Is_established_at_pcl5_33() => RuleAssert.Status(Evaluate(Answer.No, 33), IndicationStatus.Established);

    [Fact]
    public void A_failed_trial_of_an_agent_that_is_not_first_line_does_not_establish_it()
    {
        var request = Intakes.Refer()
            .WithDiagnoses(d => d with { Ptsd = Answer.Yes })
            .WithTrials(Intakes.FailedAntidepressant("prazosin") with { Condition = TrialCondition.Ptsd });

        var assessment = RuleSession.For<PtsdIndicationRule>(typeof(TrialClassificationRule)).Evaluate(request).IndicationOf<PtsdIndicationRule>();

        RuleAssert.Status(assessment, IndicationStatus.NotMet);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void The_grey_zone_31_to_32_without_a_diagnosis_is_indeterminate(int pcl5) =>
        Assert.Equal(["diagnoses.ptsd"], RuleAssert.Status(Evaluate(Answer.No, pcl5), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Is_not_met_at_pcl5_30_without_a_diagnosis() => RuleAssert.Status(Evaluate(Answer.No, 30), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_at_pcl5_30_with_the_diagnosis_unanswered() => RuleAssert.Status(Evaluate(Answer.Unknown, 30), IndicationStatus.NotMet);

    [Fact]
    public void The_grey_zone_with_the_diagnosis_unanswered_asks_for_the_clinician_assessment()
    {
        var missing = Assert.Single(RuleAssert.Status(Evaluate(Answer.Unknown, 31), IndicationStatus.Indeterminate).Missing);

        Assert.Equal("diagnoses.ptsd", missing.Path);
        Assert.Contains("grey zone 31-32", missing.Note);
    }

    [Fact]
    public void Is_not_met_without_a_failed_first_line_treatment() => RuleAssert.Status(Evaluate(Answer.Yes, 40, failed: 0), IndicationStatus.NotMet);

    [Fact]
    public void The_cut_off_is_the_policys() =>
        RuleAssert.Status(Evaluate(Answer.No, 31, policy: new ScreeningPolicy { Pcl5Cutoff = 31, Pcl5GreyZoneMin = 31 }), IndicationStatus.Established);

    [Fact]
    public void Is_not_evaluated_without_a_diagnosis_or_pcl5() => Assert.Null(Evaluate(Answer.Unknown, null));
}

public class OcdIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(int? ybocs, int failed = 2) =>
        RuleSession.For<OcdIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { Ocd = Answer.Yes }).WithInstruments(i => i with { YbocsTotal = ybocs }).WithTrials(Trials.Failed(TrialCondition.Ocd, failed)))
            .IndicationOf<OcdIndicationRule>();

    [Fact]
    public void Is_established_at_ybocs_16_with_two_failed_trials() => RuleAssert.Status(Evaluate(16), IndicationStatus.Established);

    [Fact]
    public void Is_not_met_at_ybocs_15() => RuleAssert.Status(Evaluate(15), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_with_one_failed_trial() => RuleAssert.Status(Evaluate(20, failed: 1), IndicationStatus.NotMet);

    [Fact]
    public void Is_indeterminate_without_a_ybocs() => RuleAssert.Status(Evaluate(null), IndicationStatus.Indeterminate);

    private static IndicationAssessment? EvaluateTrials(params TreatmentTrial[] trials) =>
        RuleSession.For<OcdIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { Ocd = Answer.Yes }).WithInstruments(i => i with { YbocsTotal = 20 }).WithTrials(trials))
            .IndicationOf<OcdIndicationRule>();

    private static TreatmentTrial Erp(ImprovementCategory improvement, Answer completed = Answer.Yes) =>
        Intakes.FailedAntidepressant("exposure and response prevention") with
        {
            Condition = TrialCondition.Ocd, Kind = TrialKind.Psychotherapy, ImprovementPercent = null, ImprovementCategory = improvement, DoseAdequate = completed,
        };

    private static TreatmentTrial Ocd(string drug) => Intakes.FailedAntidepressant(drug) with { Condition = TrialCondition.Ocd };

    [Theory]
    [InlineData(ImprovementCategory.None)]
    [InlineData(ImprovementCategory.Partial)]
    [InlineData(ImprovementCategory.Response)]
    public void One_completed_erp_course_without_remission_is_enough(ImprovementCategory improvement) =>
        RuleAssert.Status(EvaluateTrials(Erp(improvement)), IndicationStatus.Established);

    [Fact]
    public void An_erp_course_ending_in_remission_does_not_count() => RuleAssert.Status(EvaluateTrials(Erp(ImprovementCategory.Remission)), IndicationStatus.NotMet);

    [Fact]
    public void An_erp_course_not_completed_does_not_count() => RuleAssert.Status(EvaluateTrials(Erp(ImprovementCategory.None, Answer.No)), IndicationStatus.NotMet);

    [Fact]
    public void An_erp_course_of_unknown_outcome_asks_whether_it_ended_in_remission() =>
        Assert.Equal(["treatmentTrials[0].improvementCategory"],
            RuleAssert.Status(EvaluateTrials(Erp(ImprovementCategory.Unknown) with { ImprovementPercent = 60 }), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Theory]
    [InlineData(ImprovementCategory.Remission, 30, IndicationStatus.Indeterminate)]
    [InlineData(ImprovementCategory.Remission, 50, IndicationStatus.NotMet)]
    [InlineData(ImprovementCategory.None, 90, IndicationStatus.Indeterminate)]
    [InlineData(ImprovementCategory.None, 49, IndicationStatus.Established)]
    [InlineData(ImprovementCategory.Response, 30, IndicationStatus.Established)]
    public void An_erp_course_whose_percentage_contradicts_its_rating_is_asked_again_where_remission_depends_on_it(ImprovementCategory rating, int percent, IndicationStatus expected)
    {
        // "Response" rated at 30 %: contradictory, but neither reading is remission, so the course counts.
        var indication = RuleAssert.Status(EvaluateTrials(Erp(rating) with { ImprovementPercent = percent }), expected);
        if (expected == IndicationStatus.Indeterminate)
        {
            Assert.Equal(["treatmentTrials[0].improvementPercent", "treatmentTrials[0].improvementCategory"], indication.Missing.Select(f => f.Path));
            Assert.All(indication.Missing, f => Assert.Contains("contradict each other", f.Note, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Another_psychotherapy_does_not_count() =>
        RuleAssert.Status(EvaluateTrials(Erp(ImprovementCategory.None) with { Drug = "supportive counselling" }), IndicationStatus.NotMet);

    [Fact]
    public void A_therapy_the_service_does_not_recognise_may_be_erp_so_it_is_asked_for()
    {
        var missing = Assert.Single(RuleAssert.Status(EvaluateTrials(Erp(ImprovementCategory.None) with { Drug = "Expositionstherapie" }), IndicationStatus.Indeterminate).Missing);

        Assert.Equal("treatmentTrials[0].drug", missing.Path);
        Assert.Contains("exposure and response prevention counts for OCD", missing.Note);
    }

    [Fact]
    public void Two_failed_non_sri_drugs_do_not_count() => RuleAssert.Status(EvaluateTrials(Ocd("venlafaxine"), Ocd("mirtazapine")), IndicationStatus.NotMet);

    [Fact]
    public void One_failed_sri_is_not_enough() => RuleAssert.Status(EvaluateTrials(Ocd("sertraline"), Ocd("venlafaxine")), IndicationStatus.NotMet);

    [Fact]
    public void Two_failed_sris_by_brand_name_are_enough() => RuleAssert.Status(EvaluateTrials(Ocd("Prozac"), Ocd("Anafranil SR")), IndicationStatus.Established);

    [Fact]
    public void The_same_sri_twice_is_one_agent() => RuleAssert.Status(EvaluateTrials(Ocd("sertraline"), Ocd("Zoloft")), IndicationStatus.NotMet);

    [Fact]
    public void An_unrecognised_name_may_be_an_sri_so_it_is_asked_for()
    {
        var missing = Assert.Single(RuleAssert.Status(EvaluateTrials(Ocd("sertraline"), Ocd("setraline")), IndicationStatus.Indeterminate).Missing);

        Assert.Equal("treatmentTrials[1].drug", missing.Path);
        Assert.Contains("not in the service's drug vocabulary", missing.Note);
    }

    [Fact]
    public void Without_a_treatment_history_it_asks_for_the_history() =>
        Assert.Equal(["treatmentTrials"], RuleAssert.Status(RuleSession.For<OcdIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { Ocd = Answer.Yes }).WithInstruments(i => i with { YbocsTotal = 20 }) with { TreatmentTrials = null })
            .IndicationOf<OcdIndicationRule>(), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));
}

public class AnxietyIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(int? gad7, int failed = 2) =>
        RuleSession.For<AnxietyIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer().WithInstruments(i => i with { Gad7Total = gad7 }).WithTrials(Trials.Failed(TrialCondition.Anxiety, failed)))
            .IndicationOf<AnxietyIndicationRule>();

    [Fact]
    public void Is_established_at_gad7_10() => RuleAssert.Status(Evaluate(10), IndicationStatus.Established);

    [Fact]
    public void Is_not_met_at_gad7_9() => RuleAssert.Status(Evaluate(9), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_evaluated_when_the_gad7_was_not_given_and_no_diagnosis() => Assert.Null(Evaluate(null));

    [Fact]
    public void Failed_trials_of_agents_that_are_not_first_line_do_not_establish_it()
    {
        var request = Intakes.Refer()
            .WithInstruments(i => i with { Gad7Total = 15 })
            .WithTrials(
                Intakes.FailedAntidepressant("clonazepam") with { Condition = TrialCondition.Anxiety },
                Intakes.FailedAntidepressant("quetiapine") with { Condition = TrialCondition.Anxiety });

        var assessment = RuleSession.For<AnxietyIndicationRule>(typeof(TrialClassificationRule)).Evaluate(request).IndicationOf<AnxietyIndicationRule>();

        Assert.Contains("0 failed adequate first-line anxiety treatments (needs ≥ 2)", RuleAssert.Status(assessment, IndicationStatus.NotMet).Text);
    }
}

public class EatingDisorderIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(Answer diagnosis, int? scoff, decimal? edeq, int failed = 1) =>
        RuleSession.For<EatingDisorderIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = diagnosis }).WithInstruments(i => i with { ScoffTotal = scoff, EdeqGlobal = edeq })
                .WithTrials(Trials.Failed(TrialCondition.EatingDisorder, failed)))
            .IndicationOf<EatingDisorderIndicationRule>();

    [Fact]
    public void Is_established_by_a_diagnosis() => Assert.Equal(EvidenceLevel.E4, RuleAssert.Status(Evaluate(Answer.Yes, null, null), IndicationStatus.Established).EvidenceLevel);

    [Fact]
    public void Is_established_by_scoff_2_with_edeq_4() => RuleAssert.Status(Evaluate(Answer.No, 2, 4.0m), IndicationStatus.Established);

    [Fact]
    public void Is_not_met_at_edeq_3_9() => RuleAssert.Status(Evaluate(Answer.No, 3, 3.9m), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_at_scoff_1() => RuleAssert.Status(Evaluate(Answer.No, 1, 5.0m), IndicationStatus.NotMet);

    [Fact]
    public void A_negative_screen_with_the_diagnosis_unanswered_is_not_met() => RuleAssert.Status(Evaluate(Answer.Unknown, 1, null), IndicationStatus.NotMet);

    [Fact]
    public void A_positive_scoff_without_the_ede_q_asks_for_it_and_the_unanswered_diagnosis() =>
        Assert.Equal(["instruments.edeqGlobal", "diagnoses.eatingDisorder"],
            RuleAssert.Status(Evaluate(Answer.Unknown, 2, null), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Is_indeterminate_without_the_edeq() =>
        Assert.Equal(["diagnoses.eatingDisorder", "instruments.edeqGlobal"],
            RuleAssert.Status(Evaluate(Answer.Unknown, 2, null), IndicationStatus.Indeterminate).Missing.Select(f => f.Path).Order(StringComparer.Ordinal));
}

public class CrpsIndicationRuleTests
{
    private static ScreeningRequest Crps(Answer diagnosis = Answer.No, int? symptoms = 3, int? signs = 2, int nrs = 4, decimal months = 3, int failed = 2) =>
        Intakes.Refer()
            .WithDiagnoses(d => d with { Crps = diagnosis })
            .WithInstruments(i => i with
            {
                Budapest = new BudapestCriteria { ContinuingDisproportionatePain = Answer.Yes, SymptomCategories = symptoms, SignCategories = signs, NoBetterExplanation = Answer.Yes },
                PainNrsAverage = nrs,
                PainDurationMonths = months,
            })
            .WithTrials(Trials.Failed(TrialCondition.Crps, failed));

    private static IndicationAssessment? Evaluate(ScreeningRequest request) =>
        RuleSession.For<CrpsIndicationRule>(typeof(TrialClassificationRule)).Evaluate(request).IndicationOf<CrpsIndicationRule>();

    [Fact]
    public void Is_established_by_the_budapest_criteria_at_every_threshold() => Assert.Equal(EvidenceLevel.E2, RuleAssert.Status(Evaluate(Crps()), IndicationStatus.Established).EvidenceLevel);

    [Fact]
    public void Is_not_met_with_symptoms_in_2_categories() => RuleAssert.Status(Evaluate(Crps(symptoms: 2)), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_with_signs_in_1_category() => RuleAssert.Status(Evaluate(Crps(signs: 1)), IndicationStatus.NotMet);

    [Fact]
    public void Is_established_by_a_clinician_diagnosis_even_when_the_intake_budapest_items_fall_short() =>
        RuleAssert.Status(Evaluate(Crps(Answer.Yes, symptoms: 2, signs: 1)), IndicationStatus.Established);

    [Fact]
    public void An_unanswered_diagnosis_does_not_reopen_budapest_criteria_that_are_not_met() =>
        RuleAssert.Status(Evaluate(Crps(Answer.Unknown, symptoms: 2)), IndicationStatus.NotMet);

    [Fact]
    public void Incomplete_budapest_items_without_a_diagnosis_are_indeterminate_and_ask_for_them() =>
        Assert.Equal(["instruments.budapest.signCategories"],
            RuleAssert.Status(Evaluate(Crps(signs: null)), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Incomplete_items_with_an_unanswered_diagnosis_ask_for_both() =>
        Assert.Equal(["instruments.budapest.signCategories", "diagnoses.crps"],
            RuleAssert.Status(Evaluate(Crps(Answer.Unknown, signs: null)), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Is_not_met_at_nrs_3() => RuleAssert.Status(Evaluate(Crps(nrs: 3)), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_at_2_months() => RuleAssert.Status(Evaluate(Crps(months: 2)), IndicationStatus.NotMet);

    [Fact]
    public void Fractional_months_count_and_2_99_months_is_not_met() => RuleAssert.Status(Evaluate(Crps(months: 2.99m)), IndicationStatus.NotMet);

    [Fact]
    public void Is_met_at_exactly_3_0_months_given_as_a_fraction() => RuleAssert.Status(Evaluate(Crps(months: 3.0m)), IndicationStatus.Established);

    [Fact]
    public void Is_not_met_with_one_failed_treatment() => RuleAssert.Status(Evaluate(Crps(failed: 1)), IndicationStatus.NotMet);
}

public class FibromyalgiaIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(int wpi, int sss, int regions = 4) =>
        RuleSession.For<FibromyalgiaIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer()
                .WithInstruments(i => i with { Acr2016 = new Acr2016Criteria { WidespreadPainIndex = wpi, SymptomSeverity = sss, PainRegions = regions }, PainNrsAverage = 6, PainDurationMonths = 12 })
                .WithTrials(Trials.Failed(TrialCondition.Fibromyalgia, 2)))
            .IndicationOf<FibromyalgiaIndicationRule>();

    [Theory]
    [InlineData(7, 5)]
    [InlineData(6, 9)]
    [InlineData(4, 9)]
    public void Is_established_when_acr_2016_is_met(int wpi, int sss) => RuleAssert.Status(Evaluate(wpi, sss), IndicationStatus.Established);

    [Theory]
    [InlineData(7, 4)]
    [InlineData(6, 8)]
    [InlineData(3, 12)]
    public void Is_not_met_one_step_below(int wpi, int sss) => RuleAssert.Status(Evaluate(wpi, sss), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_with_pain_in_3_regions() => RuleAssert.Status(Evaluate(10, 8, regions: 3), IndicationStatus.NotMet);
}

public class NeuropathicPainIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(Answer diagnosis, int? dn4, int? lanss) =>
        RuleSession.For<NeuropathicPainIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer()
                .WithDiagnoses(d => d with { NeuropathicPain = diagnosis })
                .WithInstruments(i => i with { Dn4Total = dn4, LanssTotal = lanss, PainNrsAverage = 5, PainDurationMonths = 6 })
                .WithTrials(Trials.Failed(TrialCondition.NeuropathicPain, 2)))
            .IndicationOf<NeuropathicPainIndicationRule>();

    [Fact]
    public void Is_established_at_dn4_4() => RuleAssert.Status(Evaluate(Answer.No, 4, null), IndicationStatus.Established);

    [Fact]
    public void Is_established_at_lanss_12() => RuleAssert.Status(Evaluate(Answer.No, 3, 12), IndicationStatus.Established);

    [Fact]
    public void Is_not_met_at_dn4_3_and_lanss_11() => RuleAssert.Status(Evaluate(Answer.No, 3, 11), IndicationStatus.NotMet);

    [Fact]
    public void Is_established_by_a_clinician_diagnosis() => RuleAssert.Status(Evaluate(Answer.Yes, null, null), IndicationStatus.Established);

    [Fact]
    public void One_negative_instrument_without_a_diagnosis_is_not_met_and_the_other_is_not_asked_for() =>
        Assert.Empty(RuleAssert.Status(Evaluate(Answer.Unknown, 3, null), IndicationStatus.NotMet).Missing);

    [Fact]
    public void One_positive_instrument_is_enough_with_the_diagnosis_unanswered() =>
        RuleAssert.Status(Evaluate(Answer.Unknown, null, 12), IndicationStatus.Established);

    // A diagnosed patient whose two failed trials are pregabalin (first-line) and the given second agent.
    private static IndicationAssessment? AfterPregabalinAnd(string secondAgent) =>
        RuleSession.For<NeuropathicPainIndicationRule>(typeof(TrialClassificationRule))
            .Evaluate(Intakes.Refer()
                .WithDiagnoses(d => d with { NeuropathicPain = Answer.Yes })
                .WithInstruments(i => i with { PainNrsAverage = 5, PainDurationMonths = 6 })
                .WithTrials(
                    Intakes.FailedAntidepressant("pregabalin") with { Condition = TrialCondition.NeuropathicPain },
                    Intakes.FailedAntidepressant(secondAgent) with { Condition = TrialCondition.NeuropathicPain }))
            .IndicationOf<NeuropathicPainIndicationRule>();

    [Fact]
    public void Only_first_line_agents_count_as_failed_treatments() =>
        // tramadol (an opioid) is not a first-line agent: one failed first-line agent of the two required.
        Assert.Contains(RuleAssert.Status(AfterPregabalinAnd("tramadol"), IndicationStatus.NotMet).Evidence,
            e => e.Field == "treatmentTrials[1]" && e.Value.Contains("not a first-line neuropathic pain agent"));

    [Fact]
    public void An_unrecognised_name_is_asked_for_as_it_might_be_a_first_line_agent() =>
        Assert.Equal(["treatmentTrials[1].drug"], RuleAssert.Status(AfterPregabalinAnd("Velafax"), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));
}
