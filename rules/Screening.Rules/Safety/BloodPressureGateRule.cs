namespace Screening.Rules.Safety;

[Name("DERIVE_BP_GATE")]
[Title("Blood-pressure gate")]
[Description("Places the most recent seated blood pressure (one reading, or up to three of the same day combined by the policy's rule) in its gate: not elevated (at most 140/90), elevated (above 140 or above 90), severe (at or above 180 or 120), or unknown when missing or older than the policy allows.")]
[Kind(RuleKind.Derivation)]
[Source("SPRAVATO USPI (2019) §5.6 'as a general guide: >140/90 mmHg' [V]; 2017 ACC/AHA guideline severe hypertension >180 and/or >120 [P]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.SevereHypertensionSystolic), nameof(ScreeningPolicy.SevereHypertensionDiastolic), nameof(ScreeningPolicy.BloodPressureMaxAgeDays), nameof(ScreeningPolicy.BloodPressureReadingsRule))]
[Priority(Stage.Derivation)]
public sealed class BloodPressureGateRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake);

        Then()
            .Yield(_ => BloodPressureGates.Classify(intake.Measures.BloodPressure, intake.Policy));
    }
}
