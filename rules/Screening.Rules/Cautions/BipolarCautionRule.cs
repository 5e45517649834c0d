using Screening.Rules.Contraindications;

namespace Screening.Rules.Cautions;

[Name("RC_BIPOLAR")]
[Title("Bipolar disorder")]
[Description("Bipolar I or II disorder without current mood elevation: risk of switch to mania; monitor with the YMRS. Current elevation is CI_CURRENT_MOOD_ELEVATION instead.")]
[Kind(RuleKind.Relative)]
[Source("Bipolar-depression RCTs enrolled patients maintained on lithium or valproate; manic symptoms emerged (Diazgranados 2010, PMC3000408) [V]; relative caution [POLICY]", SourceStatus.Policy)]
[UsesPolicy(nameof(ScreeningPolicy.YmrsElevationMin))]
public sealed class BipolarCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder == Answer.Yes)
            .Having(() => MoodElevation.StatusOf(intake.Diagnoses, intake.Instruments, intake.Policy) != Answer.Yes);

        Then()
            .Yield(_ => Finding.Present(Self,
                "Bipolar disorder: ketamine can precipitate a switch to mania; monitor mood (YMRS) and keep a mood stabiliser in place. Specialist review.",
                new Evidence(Fields.BipolarDisorder.Path, "yes")));
    }
}
