namespace Screening.Rules.Cautions;

[Name("RC_CSSRS_MODERATE")]
[Title("Moderate suicide risk (C-SSRS)")]
[Description("C-SSRS screener moderate risk (item 3 without 4 or 5, or suicidal behaviour only longer than 3 months ago): expedited mental-health evaluation and a safety plan; at most specialist review.")]
[Kind(RuleKind.Relative)]
[Source("C-SSRS Screener with triage points (Columbia Lighthouse Project): category names [V], moderate mapping [P]; timing [POLICY]", SourceStatus.Published)]
public sealed class CssrsModerateCautionRule : ScreeningRule
{
    public override void Define()
    {
        CssrsRisk risk = null!;

        When()
            .Match(() => risk, r => r.Level == CssrsRiskLevel.Moderate);

        Then()
            .Yield(_ => Finding.Present(Self,
                risk.Text + " Moderate suicide risk: expedited mental-health evaluation and a safety plan before any treatment decision.",
                risk.Evidence.ToArray()));
    }
}
