using Screening.Rules.Contraindications;

namespace Screening.Rules.Cautions;

[Name("RC_BIPOLAR")]
[Title("Bipolar disorder")]
[Description("Bipolar I or II disorder without current mood elevation: risk of switch to mania; monitor with the YMRS. Current elevation is CI_CURRENT_MOOD_ELEVATION instead. The bipolar question unanswered is worth asking (never read as 'no').")]
[Kind(RuleKind.Relative)]
[Source("Bipolar-depression RCTs enrolled patients maintained on lithium or valproate; manic symptoms emerged (Diazgranados 2010, PMC3000408) [V]; relative caution [POLICY]", SourceStatus.Policy)]
[UsesPolicy(nameof(ScreeningPolicy.YmrsElevationMin))]
public sealed class BipolarCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder != Answer.No)
            .Having(() => MoodElevation.StatusOf(intake.Diagnoses, intake.Instruments, intake.Policy) != Answer.Yes);

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses.BipolarDisorder));
    }

    // The bipolar diagnosis is in the minimum dataset (spec §10.2): unanswered, its answer could add this caution, so it
    // is worth asking (a caution never holds the outcome).
    private Finding Evaluate(Answer bipolar) => bipolar == Answer.Yes
        ? Finding.Present(Self,
            "Bipolar disorder: ketamine can precipitate a switch to mania; monitor mood (YMRS) and keep a mood stabiliser in place. Specialist review.",
            new Evidence(Fields.BipolarDisorder.Path, "yes"))
        : Finding.Unknown(Self, Fields.BipolarDisorder);
}
