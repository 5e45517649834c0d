using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

/// <summary>R2-3: fires only on "yes"; unanswered questions hold the outcome only when the site policy requires them.</summary>
public class DangerToOthersUrgentRuleTests
{
    private static readonly ScreeningPolicy Required = new() { DangerToOthersQuestionsRequired = true };

    private static Finding? Evaluate(Func<DiagnosisAnswers, DiagnosisAnswers> change, ScreeningPolicy? policy = null) =>
        RuleSession.For<DangerToOthersUrgentRule>().Evaluate(Intakes.Refer().WithDiagnoses(change), policy).FindingOf<DangerToOthersUrgentRule>();

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
    public void Unknown_homicidal_ideation_is_only_worth_asking_by_default() =>
        RuleAssert.WorthAskingOnly(Evaluate(d => d with { HomicidalIdeation = Answer.Unknown }), "diagnoses.homicidalIdeation");

    [Fact]
    public void Unknown_command_hallucinations_are_only_worth_asking_by_default() =>
        RuleAssert.WorthAskingOnly(Evaluate(d => d with { CurrentPsychoticSymptoms = Answer.Unknown, CommandHallucinationsToHarm = Answer.Unknown }),
            "diagnoses.commandHallucinationsToHarm");

    [Fact]
    public void Unknown_homicidal_ideation_holds_the_outcome_when_the_site_requires_the_questions() =>
        RuleAssert.Unknown(Evaluate(d => d with { HomicidalIdeation = Answer.Unknown }, Required), "diagnoses.homicidalIdeation");

    [Fact]
    public void Answered_questions_are_not_missing_when_the_site_requires_them() =>
        RuleAssert.Absent(Evaluate(d => d with { HomicidalIdeation = Answer.No, CommandHallucinationsToHarm = Answer.No }, Required));
}
