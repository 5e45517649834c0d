namespace Screening.Rules.Safety;

[Name("DERIVE_CSSRS_RISK")]
[Title("C-SSRS risk level")]
[Description("Derives the C-SSRS screener risk level (none, low, moderate, high, or unknown when an item that could raise it is unanswered) that the suicide-risk rules match.")]
[Kind(RuleKind.Derivation)]
[Source("C-SSRS Screener triage guidelines (Columbia Lighthouse Project): high-risk mapping [V]; moderate/low mapping [P]", SourceStatus.Published)]
[Priority(Stage.Derivation)]
public sealed class CssrsRiskRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake);

        Then()
            .Yield(_ => CssrsRiskAssessor.Assess(intake.Instruments.Cssrs));
    }
}
