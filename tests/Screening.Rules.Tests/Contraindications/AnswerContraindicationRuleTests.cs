using Screening.Rules.Contraindications;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Contraindications;

public class ArteriovenousMalformationContraindicationRuleTests : AnswerRuleTests<ArteriovenousMalformationContraindicationRule>
{
    protected override string FieldPath => "contraindications.arteriovenousMalformation";
    protected override RuleKind Kind => RuleKind.Absolute;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { ArteriovenousMalformation = answer });
}

public class IntracerebralHemorrhageContraindicationRuleTests : AnswerRuleTests<IntracerebralHemorrhageContraindicationRule>
{
    protected override string FieldPath => "contraindications.intracerebralHemorrhageHistory";
    protected override RuleKind Kind => RuleKind.Absolute;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { IntracerebralHemorrhageHistory = answer });
}

public class KetamineHypersensitivityContraindicationRuleTests : AnswerRuleTests<KetamineHypersensitivityContraindicationRule>
{
    protected override string FieldPath => "contraindications.ketamineHypersensitivity";
    protected override RuleKind Kind => RuleKind.Absolute;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { KetamineHypersensitivity = answer });
}

public class RaisedIntracranialPressureContraindicationRuleTests : AnswerRuleTests<RaisedIntracranialPressureContraindicationRule>
{
    protected override string FieldPath => "contraindications.raisedIntracranialPressureRisk";
    protected override RuleKind Kind => RuleKind.Absolute;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { RaisedIntracranialPressureRisk = answer });
}

public class ActivePsychosisContraindicationRuleTests : AnswerRuleTests<ActivePsychosisContraindicationRule>
{
    protected override string FieldPath => "diagnoses.currentPsychoticSymptoms";
    protected override RuleKind Kind => RuleKind.Temporary;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithDiagnoses(d => d with { CurrentPsychoticSymptoms = answer });
}

public class AneurysmalVascularDiseaseContraindicationRuleTests : AnswerRuleTests<AneurysmalVascularDiseaseContraindicationRule>
{
    protected override string FieldPath => "contraindications.aneurysmalVascularDisease";
    protected override RuleKind Kind => RuleKind.Absolute;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { AneurysmalVascularDisease = answer });

    [Fact]
    public void A_repaired_aneurysm_is_still_contraindicated_and_recorded()
    {
        var request = Intakes.Refer().WithContraindications(c => c with { AneurysmalVascularDisease = Answer.Yes, AneurysmRepaired = Answer.Yes });

        var finding = RuleAssert.Present(RuleSession.For<AneurysmalVascularDiseaseContraindicationRule>().Evaluate(request).FindingOf<AneurysmalVascularDiseaseContraindicationRule>());

        Assert.Contains(finding.Evidence, e => e.Field == "contraindications.aneurysmRepaired" && e.Value == "yes");
        Assert.Contains("repaired", finding.Text, StringComparison.Ordinal);
    }
}

public class RecentCardiovascularEventContraindicationRuleTests : AnswerRuleTests<RecentCardiovascularEventContraindicationRule>
{
    protected override string FieldPath => "contraindications.cardiovascularEventPast6Weeks";
    protected override RuleKind Kind => RuleKind.Temporary;

    protected override ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer) =>
        request.WithContraindications(c => c with { CardiovascularEventPast6Weeks = answer });

    [Fact]
    public void Does_not_fire_when_the_policy_turns_the_eu_6_week_rule_off()
    {
        var request = Intakes.Refer().WithContraindications(c => c with { CardiovascularEventPast6Weeks = Answer.Yes });

        RuleAssert.Absent(RuleSession.For<RecentCardiovascularEventContraindicationRule>()
            .Evaluate(request, ScreeningPolicy.ForProfile(ScreeningPolicy.UsLabelOnlyProfile))
            .FindingOf<RecentCardiovascularEventContraindicationRule>());
    }
}
