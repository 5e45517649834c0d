using Screening.Rules.Indications;
using Screening.Rules.TreatmentResistance;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Indications;

/// <summary>Failed trials for a condition, for the refractoriness every off-label indication needs.</summary>
internal static class Trials
{
    public static TreatmentTrial[] Failed(TrialCondition condition, int count) =>
        Enumerable.Range(1, count).Select(i => Intakes.FailedAntidepressant($"treatment {i}") with { Condition = condition, CurrentEpisode = Answer.Unknown }).ToArray();
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

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void The_grey_zone_31_to_32_without_a_diagnosis_is_indeterminate(int pcl5) =>
        Assert.Equal(["diagnoses.ptsd"], RuleAssert.Status(Evaluate(Answer.No, pcl5), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Is_not_met_at_pcl5_30_without_a_diagnosis() => RuleAssert.Status(Evaluate(Answer.No, 30), IndicationStatus.NotMet);

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
    public void Is_indeterminate_without_the_edeq() =>
        Assert.Equal(["diagnoses.eatingDisorder", "instruments.edeqGlobal"],
            RuleAssert.Status(Evaluate(Answer.Unknown, 2, null), IndicationStatus.Indeterminate).Missing.Select(f => f.Path).Order(StringComparer.Ordinal));
}

public class CrpsIndicationRuleTests
{
    private static ScreeningRequest Crps(int symptoms = 3, int signs = 2, int nrs = 4, int months = 3, int failed = 2) =>
        Intakes.Refer()
            .WithDiagnoses(d => d with { Crps = Answer.Yes })
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
    public void Is_established_at_every_threshold() => Assert.Equal(EvidenceLevel.E2, RuleAssert.Status(Evaluate(Crps()), IndicationStatus.Established).EvidenceLevel);

    [Fact]
    public void Is_not_met_with_symptoms_in_2_categories() => RuleAssert.Status(Evaluate(Crps(symptoms: 2)), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_with_signs_in_1_category() => RuleAssert.Status(Evaluate(Crps(signs: 1)), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_at_nrs_3() => RuleAssert.Status(Evaluate(Crps(nrs: 3)), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_at_2_months() => RuleAssert.Status(Evaluate(Crps(months: 2)), IndicationStatus.NotMet);

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
}
