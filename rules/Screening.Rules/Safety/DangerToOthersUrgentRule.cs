namespace Screening.Rules.Safety;

[Name("URG_DANGER_TO_OTHERS_OR_COMMAND_HALLUCINATIONS")]
[Title("Danger to others or command hallucinations")]
[Description("Current psychosis with command hallucinations to harm self or others, or homicidal ideation, answered 'yes', routes to the urgent psychiatric pathway. Not in the minimum dataset: unanswered, the questions are worth asking but do not hold the outcome, unless the site policy requires them. Command hallucinations are asked only when psychotic symptoms are present.")]
[Kind(RuleKind.Urgent)]
[Emergency(UrgentSubtype.Psychiatric)]
[Source("Program policy (spec §6.4, R2-3); no published source found", SourceStatus.Policy)]
[UsesPolicy(nameof(ScreeningPolicy.DangerToOthersQuestionsRequired))]
public sealed class DangerToOthersUrgentRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => Tri.AnyOpen(x.Diagnoses.HomicidalIdeation, CommandHallucinations(x.Diagnoses)));

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Policy));
    }

    // Command hallucinations presuppose psychotic symptoms; with none reported the question is not asked.
    private static Answer CommandHallucinations(DiagnosisAnswers d) =>
        d.CurrentPsychoticSymptoms == Answer.No && d.CommandHallucinationsToHarm != Answer.Yes ? Answer.No : d.CommandHallucinationsToHarm;

    private Finding Evaluate(DiagnosisAnswers d, ScreeningPolicy policy)
    {
        var commandHallucinations = CommandHallucinations(d);
        var reported = new List<(IntakeField Field, string What)>();
        if (commandHallucinations == Answer.Yes)
        {
            reported.Add((Fields.CommandHallucinationsToHarm, "command hallucinations to harm self or others"));
        }

        if (d.HomicidalIdeation == Answer.Yes)
        {
            reported.Add((Fields.HomicidalIdeation, "thoughts of killing or seriously harming another person"));
        }

        if (reported.Count > 0)
        {
            return Finding.Present(Self,
                $"The patient reports {string.Join(" and ", reported.Select(r => r.What))}: urgent psychiatric assessment for the safety of the patient and others.",
                reported.Select(r => new Evidence(r.Field.Path, "yes")).ToArray());
        }

        var unanswered = new[] { (commandHallucinations, Fields.CommandHallucinationsToHarm), (d.HomicidalIdeation, Fields.HomicidalIdeation) }
            .Where(x => x.Item1 == Answer.Unknown).Select(x => x.Item2).ToArray();

        // R2-3: not in the minimum dataset, so unanswered they hold the outcome only where the site requires them.
        return policy.DangerToOthersQuestionsRequired ? Finding.Unknown(Self, unanswered) : Finding.OnlyWorthAsking(Self, unanswered);
    }
}
