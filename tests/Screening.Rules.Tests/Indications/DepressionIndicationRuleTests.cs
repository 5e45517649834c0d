using Screening.Rules.Indications;
using Screening.Rules.Safety;
using Screening.Rules.TreatmentResistance;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Indications;

public class TreatmentResistantDepressionIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(ScreeningRequest request, ScreeningPolicy? policy = null) =>
        RuleSession.For<TreatmentResistantDepressionIndicationRule>(typeof(TrialClassificationRule)).Evaluate(request, policy)
            .IndicationOf<TreatmentResistantDepressionIndicationRule>();

    [Fact]
    public void Is_established_with_phq9_10_and_two_failed_trials()
    {
        var trd = RuleAssert.Status(Evaluate(Intakes.Refer().WithPhq9(10)), IndicationStatus.Established);

        Assert.Equal(RegulatoryStatus.OnLabelEsketamine, trd.RegulatoryStatus);
        Assert.Equal(EvidenceLevel.E1, trd.EvidenceLevel);
        Assert.Contains(trd.Evidence, e => e is { Field: "instruments.phq9.total", Value: "10", Threshold: "≥ 10" });
    }

    [Fact]
    public void Is_not_met_at_phq9_9() => RuleAssert.Status(Evaluate(Intakes.Refer().WithPhq9(9)), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_with_one_failed_trial() =>
        RuleAssert.Status(Evaluate(Intakes.Refer().WithTrials(Intakes.FailedAntidepressant("sertraline"))), IndicationStatus.NotMet);

    [Fact]
    public void Is_indeterminate_with_one_failed_and_one_incomplete_trial()
    {
        var trd = RuleAssert.Status(Evaluate(Intakes.Refer().WithTrials(Intakes.FailedAntidepressant("sertraline"), Intakes.FailedAntidepressant("venlafaxine") with { WeeksAtDose = null })), IndicationStatus.Indeterminate);

        Assert.Equal(["treatmentTrials[1].weeksAtDose"], trd.Missing.Select(f => f.Path));
    }

    [Fact]
    public void Is_indeterminate_when_the_diagnosis_is_unknown() =>
        Assert.Equal(["diagnoses.majorDepressiveDisorder"],
            RuleAssert.Status(Evaluate(Intakes.Refer().WithDiagnoses(d => d with { MajorDepressiveDisorder = Answer.Unknown })), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Is_not_met_without_a_current_episode() =>
        RuleAssert.Status(Evaluate(Intakes.Refer().WithDiagnoses(d => d with { CurrentMajorDepressiveEpisode = Answer.No })), IndicationStatus.NotMet);

    [Fact]
    public void Is_left_to_bipolar_depression_with_a_bipolar_diagnosis() =>
        Assert.Null(Evaluate(Intakes.Refer().WithDiagnoses(d => d with { BipolarDisorder = Answer.Yes })));

    [Fact]
    public void Is_not_evaluated_when_the_depression_domain_is_not_triggered() =>
        Assert.Null(Evaluate(Intakes.Refer().WithPhq9(null, null).WithDiagnoses(d => d with { MajorDepressiveDisorder = Answer.Unknown, CurrentMajorDepressiveEpisode = Answer.Unknown })));

    [Fact]
    public void Is_indeterminate_and_asks_for_the_history_when_it_was_not_taken() =>
        Assert.Equal(["treatmentTrials"],
            RuleAssert.Status(Evaluate(Intakes.Refer() with { TreatmentTrials = null }), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Is_not_met_when_the_history_lists_no_treatments() =>
        RuleAssert.Status(Evaluate(Intakes.Refer().WithTrials()), IndicationStatus.NotMet);

    [Fact]
    public void Counts_a_brand_and_its_generic_once() =>
        RuleAssert.Status(Evaluate(Intakes.Refer().WithTrials(Intakes.FailedAntidepressant("venlafaxine"), Intakes.FailedAntidepressant("Effexor XR"))), IndicationStatus.NotMet);

    [Fact]
    public void Counts_two_ingredients_given_by_brand_name() =>
        RuleAssert.Status(Evaluate(Intakes.Refer().WithTrials(Intakes.FailedAntidepressant("Zoloft"), Intakes.FailedAntidepressant("Cymbalta"))), IndicationStatus.Established);

    [Fact]
    public void The_us_label_profile_also_counts_distinct_agents() =>
        RuleAssert.Status(Evaluate(Intakes.Refer().WithTrials(Intakes.FailedAntidepressant("sertraline"), Intakes.FailedAntidepressant("sertraline")),
            ScreeningPolicy.ForProfile(ScreeningPolicy.UsLabelOnlyProfile)), IndicationStatus.NotMet);

    [Fact]
    public void Three_required_trials_are_the_policys() =>
        RuleAssert.Status(Evaluate(Intakes.Refer(), new ScreeningPolicy { TrdMinFailedTrials = 3 }), IndicationStatus.NotMet);
}

public class SuicidalIdeationDepressionIndicationRuleTests
{
    private static IndicationAssessment? Evaluate(ScreeningRequest request) =>
        RuleSession.For<SuicidalIdeationDepressionIndicationRule>(typeof(CssrsRiskRule)).Evaluate(request).IndicationOf<SuicidalIdeationDepressionIndicationRule>();

    private static readonly CssrsScreener Moderate = IntakeChanges.AllNo() with { SuicidalBehaviorLifetime = Answer.Yes, SuicidalBehaviorPast3Months = Answer.No };

    [Fact]
    public void Is_established_for_depression_with_moderate_risk() =>
        Assert.Equal(RegulatoryStatus.OnLabelEsketamine, RuleAssert.Status(Evaluate(Intakes.Refer().WithCssrs(Moderate)), IndicationStatus.Established).RegulatoryStatus);

    [Fact]
    public void Is_not_evaluated_for_low_risk() => Assert.Null(Evaluate(Intakes.Refer().WithCssrs(IntakeChanges.AllNo() with { WishToBeDead = Answer.Yes })));

    [Fact]
    public void Is_not_met_without_a_current_episode() =>
        RuleAssert.Status(Evaluate(Intakes.Refer().WithCssrs(Moderate).WithDiagnoses(d => d with { CurrentMajorDepressiveEpisode = Answer.No })), IndicationStatus.NotMet);
}

public class BipolarDepressionIndicationRuleTests
{
    private static readonly TreatmentTrial FailedQuetiapine = Intakes.FailedAntidepressant("quetiapine") with { Condition = TrialCondition.BipolarDepression };

    private static ScreeningRequest Bipolar(int? ymrs = 8, int phq9 = 18) =>
        Intakes.Refer().WithDiagnoses(d => d with { BipolarDisorder = Answer.Yes, MajorDepressiveDisorder = Answer.No })
            .WithInstruments(i => i with { YmrsTotal = ymrs })
            .WithPhq9(phq9)
            .WithTrials(FailedQuetiapine);

    private static IndicationAssessment? Evaluate(ScreeningRequest request) =>
        RuleSession.For<BipolarDepressionIndicationRule>(typeof(TrialClassificationRule)).Evaluate(request).IndicationOf<BipolarDepressionIndicationRule>();

    [Fact]
    public void Is_established_at_ymrs_12_with_one_failed_trial() =>
        Assert.Equal(EvidenceLevel.E3, RuleAssert.Status(Evaluate(Bipolar(ymrs: 12)), IndicationStatus.Established).EvidenceLevel);

    [Fact]
    public void Is_not_met_at_ymrs_13() => RuleAssert.Status(Evaluate(Bipolar(ymrs: 13)), IndicationStatus.NotMet);

    [Fact]
    public void Is_indeterminate_without_a_ymrs() =>
        Assert.Equal(["instruments.ymrsTotal"], RuleAssert.Status(Evaluate(Bipolar(ymrs: null)), IndicationStatus.Indeterminate).Missing.Select(f => f.Path));

    [Fact]
    public void Is_not_met_at_phq9_9() => RuleAssert.Status(Evaluate(Bipolar(phq9: 9)), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_met_without_a_failed_trial() => RuleAssert.Status(Evaluate(Bipolar().WithTrials()), IndicationStatus.NotMet);

    [Fact]
    public void Is_not_evaluated_without_bipolar_disorder() => Assert.Null(Evaluate(Intakes.Refer()));
}
