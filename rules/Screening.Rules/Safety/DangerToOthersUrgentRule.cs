namespace Screening.Rules.Safety;

[Name("URG_DANGER_TO_OTHERS_OR_COMMAND_HALLUCINATIONS")]
[Title("Danger to others or command hallucinations")]
[Description("Current psychosis with command hallucinations to harm self or others, or homicidal ideation, routes to the urgent psychiatric pathway. Command hallucinations are asked only when psychotic symptoms are present.")]
[Kind(RuleKind.Urgent)]
[Emergency(UrgentSubtype.Psychiatric)]
[Source("Program policy (criteria.md §6.4); no published source found", SourceStatus.Policy)]
public sealed class DangerToOthersUrgentRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => Tri.AnyOpen(x.Diagnoses.HomicidalIdeation, CommandHallucinations(x.Diagnoses)));

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses));
    }

    // Command hallucinations presuppose psychotic symptoms; with none reported the question is not asked.
    private static Answer CommandHallucinations(DiagnosisAnswers d) =>
        d.CurrentPsychoticSymptoms == Answer.No && d.CommandHallucinationsToHarm != Answer.Yes ? Answer.No : d.CommandHallucinationsToHarm;

    private Finding Evaluate(DiagnosisAnswers d)
    {
        var commandHallucinations = CommandHallucinations(d);

        var evidence = new List<Evidence>();
        if (commandHallucinations == Answer.Yes)
        {
            evidence.Add(new Evidence(Fields.CommandHallucinationsToHarm.Path, "yes"));
        }

        if (d.HomicidalIdeation == Answer.Yes)
        {
            evidence.Add(new Evidence(Fields.HomicidalIdeation.Path, "yes"));
        }

        if (evidence.Count > 0)
        {
            var what = string.Join(" and ", new[]
            {
                commandHallucinations == Answer.Yes ? "command hallucinations to harm self or others" : null,
                d.HomicidalIdeation == Answer.Yes ? "thoughts of killing or seriously harming another person" : null,
            }.OfType<string>());
            return Finding.Present(Self, $"The patient reports {what}: urgent psychiatric assessment for the safety of the patient and others.", evidence.ToArray());
        }

        var missing = new List<IntakeField>();
        if (commandHallucinations == Answer.Unknown)
        {
            missing.Add(Fields.CommandHallucinationsToHarm);
        }

        if (d.HomicidalIdeation == Answer.Unknown)
        {
            missing.Add(Fields.HomicidalIdeation);
        }

        return Finding.Unknown(Self, missing);
    }
}
