namespace Screening.Rules.Advisories;

[Name("INFO_CSSRS_LOW")]
[Title("Low suicide risk (C-SSRS)")]
[Description("C-SSRS screener low risk (items 1-2 only): a safety plan and monitoring.")]
[Kind(RuleKind.Info)]
[Source("C-SSRS Screener with triage points (Columbia Lighthouse Project): category names [V], low mapping [P]", SourceStatus.Published)]
public sealed class CssrsLowAdvisoryRule : ScreeningRule
{
    public override void Define()
    {
        CssrsRisk risk = null!;

        When()
            .Match(() => risk, r => r.Level == CssrsRiskLevel.Low);

        Then()
            .Yield(_ => Finding.Present(Self,
                risk.Text + " Low suicide risk: agree a safety plan and monitor.",
                risk.Evidence.ToArray()));
    }
}
