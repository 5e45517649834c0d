using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

public class DangerToOthersUrgentRuleTests
{
    private static Finding? Evaluate(Func<DiagnosisAnswers, DiagnosisAnswers> change) =>
        RuleSession.For<DangerToOthersUrgentRule>().Evaluate(Intakes.Refer().WithDiagnoses(change)).FindingOf<DangerToOthersUrgentRule>();

    [Fact]
    public void Fires_for_homicidal_ideation() =>
        Assert.Equal(UrgentSubtype.Psychiatric, RuleAssert.Present(Evaluate(d => d with { HomicidalIdeation = Answer.Yes })).Subtype);

    [Fact]
    public void Fires_for_command_hallucinations_with_psychosis() =>
        RuleAssert.Present(Evaluate(d => d with { CurrentPsychoticSymptoms = Answer.Yes, CommandHallucinationsToHarm = Answer.Yes }));

    [Fact]
    public void Does_not_fire_when_both_are_no() =>
        RuleAssert.Absent(Evaluate(d => d with { CommandHallucinationsToHarm = Answer.No, HomicidalIdeation = Answer.No }));

    [Fact]
    public void Command_hallucinations_are_not_asked_without_psychotic_symptoms() =>
        RuleAssert.Absent(Evaluate(d => d with { CurrentPsychoticSymptoms = Answer.No, CommandHallucinationsToHarm = Answer.Unknown }));

    [Fact]
    public void Reports_unknown_homicidal_ideation_as_missing() =>
        RuleAssert.Unknown(Evaluate(d => d with { HomicidalIdeation = Answer.Unknown }), "diagnoses.homicidalIdeation");

    [Fact]
    public void Reports_unknown_command_hallucinations_when_psychosis_is_unknown() =>
        RuleAssert.Unknown(Evaluate(d => d with { CurrentPsychoticSymptoms = Answer.Unknown, CommandHallucinationsToHarm = Answer.Unknown }),
            "diagnoses.commandHallucinationsToHarm");
}
