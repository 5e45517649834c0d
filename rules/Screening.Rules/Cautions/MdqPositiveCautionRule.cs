namespace Screening.Rules.Cautions;

[Name("RC_MDQ_POSITIVE")]
[Title("Positive Mood Disorder Questionnaire")]
[Description("A positive MDQ (7 or more 'yes' items, several at the same time, a moderate or serious problem) without a bipolar diagnosis suggests undiagnosed bipolarity: assess before treating.")]
[Kind(RuleKind.Relative)]
[Source("MDQ scoring (Hirschfeld 2000): ≥ 7 items, sensitivity 0.73, specificity 0.90 (medicalalgorithms.com; nhcltd.com scoring key) [V]; mapping to a caution [POLICY]", SourceStatus.Policy)]
public sealed class MdqPositiveCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        Finding? finding = null;

        When()
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder != Answer.Yes, x => Mdq.Administered(x.Instruments.Mdq))
            .Let(() => finding, () => Evaluate(intake.Instruments.Mdq))
            .Having(() => finding != null);

        Then()
            .Yield(_ => finding!);
    }

    private Finding? Evaluate(MdqAnswers mdq) => Mdq.Positive(mdq) switch
    {
        Answer.Yes => Finding.Present(Self,
            $"Positive Mood Disorder Questionnaire ({mdq.Part1YesCount} of 13 items, several at the same time, a {(mdq.Part3ProblemLevel == MdqProblemLevel.SeriousProblem ? "serious" : "moderate")} problem) without a bipolar diagnosis: possible undiagnosed bipolar disorder. Assess for bipolarity (YMRS) before treatment; specialist review.",
            new Evidence(Fields.MdqPart1YesCount.Path, $"{mdq.Part1YesCount}", $"≥ {Thresholds.MdqPart1YesAtLeast}"),
            new Evidence(Fields.MdqPart2SamePeriod.Path, "yes"),
            new Evidence(Fields.MdqPart3ProblemLevel.Path, mdq.Part3ProblemLevel == MdqProblemLevel.SeriousProblem ? "serious problem" : "moderate problem", "moderate or serious")),
        Answer.Unknown => Finding.Unknown(Self, Mdq.Missing(mdq)),
        _ => null,
    };
}
