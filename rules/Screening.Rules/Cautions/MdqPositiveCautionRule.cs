namespace Screening.Rules.Cautions;

[Name("RC_MDQ_POSITIVE")]
[Title("Positive Mood Disorder Questionnaire")]
[Description("A positive MDQ (7 or more 'yes' items, several at the same time, a moderate or serious problem) without a bipolar diagnosis suggests undiagnosed bipolarity: assess before treating. An MDQ not given, or given in part, is listed as worth asking, never read as negative.")]
[Kind(RuleKind.Relative)]
[Source("MDQ scoring (Hirschfeld 2000): ≥ 7 items, sensitivity 0.73, specificity 0.90 (medicalalgorithms.com; nhcltd.com scoring key) [V]; mapping to a caution [POLICY]", SourceStatus.Policy)]
public sealed class MdqPositiveCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            // A negative MDQ (the usual case) is ruled out here, before a binding is made for it.
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder != Answer.Yes, x => Mdq.Positive(x.Instruments.Mdq) != Answer.No);

        Then()
            .Yield(_ => Evaluate(intake.Instruments.Mdq));
    }

    // The MDQ is in the minimum dataset (spec §10) and is the only screen for undiagnosed bipolarity, which a ketamine
    // referral must not miss: not given, it is unknown (worth asking; its answer could add this caution), not negative.
    private Finding Evaluate(MdqAnswers mdq)
    {
        if (!Mdq.Administered(mdq))
        {
            return Finding.Unknown(Self, Fields.MdqPart1YesCount.Because("not given: the MDQ screens for undiagnosed bipolar disorder"));
        }

        return Mdq.Positive(mdq) switch
        {
            Answer.Yes => Finding.Present(Self,
                $"Positive Mood Disorder Questionnaire ({mdq.Part1YesCount} of 13 items, several at the same time, a {(mdq.Part3ProblemLevel == MdqProblemLevel.SeriousProblem ? "serious" : "moderate")} problem) without a bipolar diagnosis: possible undiagnosed bipolar disorder. Assess for bipolarity (YMRS) before treatment; specialist review.",
                new Evidence(Fields.MdqPart1YesCount.Path, $"{mdq.Part1YesCount}", $"≥ {Thresholds.MdqPart1YesAtLeast}"),
                new Evidence(Fields.MdqPart2SamePeriod.Path, "yes"),
                new Evidence(Fields.MdqPart3ProblemLevel.Path, mdq.Part3ProblemLevel == MdqProblemLevel.SeriousProblem ? "serious problem" : "moderate problem", "moderate or serious")),
            // Unknown: the match has ruled "no" out.
            _ => Finding.Unknown(Self, Mdq.Missing(mdq)),
        };
    }
}
