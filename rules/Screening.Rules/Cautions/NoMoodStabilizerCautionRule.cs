namespace Screening.Rules.Cautions;

[Name("RC_NO_MOOD_STABILIZER")]
[Title("Bipolar disorder without a mood stabiliser")]
[Description("Bipolar disorder without lithium, valproate or an antimanic antipsychotic: the bipolar-depression trials enrolled patients maintained on a mood stabiliser.")]
[Kind(RuleKind.Relative)]
[Source("Diazgranados 2010 (PMC3000408): patients maintained on therapeutic lithium or valproate [V]; requirement for a mood stabiliser [POLICY]", SourceStatus.Policy)]
public sealed class NoMoodStabilizerCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder == Answer.Yes, x => x.Medications.MoodStabilizer != Answer.Yes);

        Then()
            .Yield(_ => intake.Medications.MoodStabilizer == Answer.No
                ? Finding.Present(Self,
                    "Bipolar disorder without a mood stabiliser (lithium, valproate or an antimanic antipsychotic): the bipolar-depression trials of ketamine enrolled patients maintained on lithium or valproate. Start or confirm a mood stabiliser; specialist review.",
                    new Evidence(Fields.BipolarDisorder.Path, "yes"),
                    new Evidence(Fields.MoodStabilizer.Path, "no"))
                : Finding.Unknown(Self, Fields.MoodStabilizer));
    }
}
