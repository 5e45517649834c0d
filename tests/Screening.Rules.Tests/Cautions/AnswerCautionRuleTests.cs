using Screening.Rules.Cautions;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Cautions;

public class HypertensiveEncephalopathyHistoryCautionRuleTests : AnswerRuleTests<HypertensiveEncephalopathyHistoryCautionRule>
{
    protected override string FieldPath => "contraindications.hypertensiveEncephalopathyHistory";
    protected override RuleKind Kind => RuleKind.Relative;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { HypertensiveEncephalopathyHistory = answer });
}

public class UncontrolledHyperthyroidismCautionRuleTests : AnswerRuleTests<UncontrolledHyperthyroidismCautionRule>
{
    protected override string FieldPath => "contraindications.uncontrolledHyperthyroidism";
    protected override RuleKind Kind => RuleKind.Relative;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { UncontrolledHyperthyroidism = answer });
}

public class GlaucomaOrEyeRiskCautionRuleTests : AnswerRuleTests<GlaucomaOrEyeRiskCautionRule>
{
    protected override string FieldPath => "contraindications.glaucomaOrEyeRisk";
    protected override RuleKind Kind => RuleKind.Relative;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { GlaucomaOrEyeRisk = answer });
}

public class CystitisCautionRuleTests : AnswerRuleTests<CystitisCautionRule>
{
    protected override string FieldPath => "contraindications.cystitisOrUrinarySymptoms";
    protected override RuleKind Kind => RuleKind.Relative;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { CystitisOrUrinarySymptoms = answer });
}

public class BreastfeedingCautionRuleTests : AnswerRuleTests<BreastfeedingCautionRule>
{
    protected override string FieldPath => "patient.breastfeeding";
    protected override RuleKind Kind => RuleKind.Relative;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithPatient(p => p with { Breastfeeding = answer });
}

public class PsychosisHistoryCautionRuleTests : AnswerRuleTests<PsychosisHistoryCautionRule>
{
    protected override string FieldPath => "diagnoses.psychoticDisorderHistory";
    protected override RuleKind Kind => RuleKind.Relative;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithDiagnoses(d => d with { PsychoticDisorderHistory = answer });

    [Fact]
    public void Gives_way_to_active_psychosis() =>
        RuleAssert.Absent(RuleSession.For<PsychosisHistoryCautionRule>()
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { PsychoticDisorderHistory = Answer.Yes, CurrentPsychoticSymptoms = Answer.Yes }))
            .FindingOf<PsychosisHistoryCautionRule>());
}

public class CardiovascularDiseaseCautionRuleTests : AnswerRuleTests<CardiovascularDiseaseCautionRule>
{
    protected override string FieldPath => "contraindications.otherCardiovascularOrCerebrovascularDisease";
    protected override RuleKind Kind => RuleKind.Relative;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { OtherCardiovascularOrCerebrovascularDisease = answer });

    private static Finding? Evaluate(ScreeningRequest request, ScreeningPolicy? policy = null) =>
        RuleSession.For<CardiovascularDiseaseCautionRule>().Evaluate(request, policy).FindingOf<CardiovascularDiseaseCautionRule>();

    [Fact]
    public void A_recent_event_is_a_caution_when_the_6_week_rule_is_off() =>
        RuleAssert.Present(Evaluate(Intakes.Refer().WithContraindications(c => c with { CardiovascularEventPast6Weeks = Answer.Yes }),
            ScreeningPolicy.ForProfile(ScreeningPolicy.UsLabelOnlyProfile)));

    [Fact]
    public void A_recent_event_is_left_to_the_contraindication_when_the_6_week_rule_is_on() =>
        RuleAssert.Absent(Evaluate(Intakes.Refer().WithContraindications(c => c with { CardiovascularEventPast6Weeks = Answer.Yes })));

    [Theory]
    [InlineData(49, true)]
    [InlineData(50, false)]
    [InlineData(110, false)]
    [InlineData(111, true)]
    public void The_optional_heart_rate_gate_flags_below_50_and_above_110(int rate, bool fires)
    {
        var finding = Evaluate(Intakes.Refer().WithVitals(v => v with { HeartRateBpm = rate }), new ScreeningPolicy { HeartRateGateEnabled = true });

        Assert.Equal(fires, finding is { IsPresent: true });
    }

    [Fact]
    public void The_heart_rate_gate_is_off_by_default() => RuleAssert.Absent(Evaluate(Intakes.Refer().WithVitals(v => v with { HeartRateBpm = 130 })));
}
