namespace Screening.Rules.Cautions;

[Name("RC_HYPERTENSIVE_ENCEPHALOPATHY_HX")]
[Title("History of hypertensive encephalopathy")]
[Description("A history of hypertensive encephalopathy needs more intensive blood-pressure monitoring: even small rises carry a risk of encephalopathy.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §5.6: 'more intensive monitoring ... warranted because these patients are at increased risk for developing encephalopathy with even small increases in blood pressure'", SourceStatus.Verified)]
public sealed class HypertensiveEncephalopathyHistoryCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.HypertensiveEncephalopathyHistory != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.HypertensiveEncephalopathyHistory, Fields.HypertensiveEncephalopathyHistory,
                "History of hypertensive encephalopathy reported: more intensive blood-pressure monitoring is warranted, because even small rises can cause encephalopathy (SPRAVATO prescribing information §5.6). Specialist review."));
    }
}
