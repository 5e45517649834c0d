namespace Screening.Rules.Contraindications;

[Name("CI_CURRENT_MOOD_ELEVATION")]
[Title("Current manic, hypomanic or mixed episode")]
[Description("A current manic, hypomanic or mixed episode (YMRS 13 or more, or days of elevated mood in the past 2 weeks, or clinician-documented) excludes treatment while it lasts; re-screen when euthymic.")]
[Kind(RuleKind.Temporary)]
[Rescreen("when the manic, hypomanic or mixed episode has resolved (YMRS 12 or less)")]
[Source("YMRS ≤ 12 remission, '12 or greater signifying hypomania or mania' (trial definitions) [V]; EU PIL asks about bipolar disorder / mania [V]; the exclusion and the 12/13 boundary [POLICY]", SourceStatus.Policy)]
[UsesPolicy(nameof(ScreeningPolicy.YmrsElevationMin))]
public sealed class CurrentMoodElevationContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => MoodElevation.StatusOf(x.Diagnoses, x.Instruments, x.Policy) != Answer.No);

        Then()
            .Yield(_ => Evaluate(MoodElevation.Assess(intake.Diagnoses, intake.Instruments, intake.Policy)));
    }

    private Finding Evaluate(MoodElevation elevation) => elevation.Status == Answer.Yes
        ? Finding.Present(Self, elevation.Text + " Temporarily excluded: ketamine can precipitate a switch; re-screen when the episode has resolved.", [.. elevation.Evidence])
        : Finding.Unknown(Self, elevation.Missing);
}
