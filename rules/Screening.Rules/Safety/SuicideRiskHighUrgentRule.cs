namespace Screening.Rules.Safety;

[Name("URG_SUICIDE_RISK_HIGH")]
[Title("High suicide risk (C-SSRS)")]
[Description("A 'yes' to C-SSRS item 4 or 5 in the past month, or suicidal behaviour in the past 3 months, is high risk: patient-safety precautions until a mental health professional evaluates for possible hospitalization. An incomplete screener that could be high risk leaves the result insufficient.")]
[Kind(RuleKind.Urgent)]
[Emergency(UrgentSubtype.Psychiatric)]
[Source("C-SSRS Screener triage guidelines (Columbia Lighthouse Project): 'a yes to items 4 or 5 ... within the past month or a yes to having any behavior in the past 3 months'", SourceStatus.Verified)]
public sealed class SuicideRiskHighUrgentRule : ScreeningRule
{
    public override void Define()
    {
        CssrsRisk risk = null!;

        When()
            .Match(() => risk, r => r.Level == CssrsRiskLevel.High || r.Level == CssrsRiskLevel.Unknown);

        Then()
            .Yield(_ => risk.Level == CssrsRiskLevel.High
                ? Finding.Present(Self, Explain(risk), risk.Evidence.ToArray())
                : Finding.Unknown(Self, risk.Missing));
    }

    private static string Explain(CssrsRisk risk) =>
        $"{risk.Text} High suicide risk: keep the patient safe and arrange same-day evaluation by a mental health professional for possible hospitalization. " +
        "This is a crisis referral, not a treatment referral; esketamine for depressive symptoms with acute suicidal ideation (MDSI) may be considered by the treating psychiatric team.";
}
