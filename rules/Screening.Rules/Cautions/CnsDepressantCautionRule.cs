namespace Screening.Rules.Cautions;

[Name("RC_CNS_DEPRESSANTS")]
[Title("CNS depressants")]
[Description("Regular benzodiazepines or other sedatives, opioids, or heavy alcohol use: more sedation; monitor closely.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §5.1: 'Closely monitor for sedation with concomitant use of SPRAVATO with CNS depressants' [V]; EU PIL [V]", SourceStatus.Verified)]
public sealed class CnsDepressantCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => Tri.AnyOpen(x.Medications.BenzodiazepinesOrSedatives, x.Medications.Opioids, x.SubstanceUse.HeavyAlcoholUse));

        Then()
            .Yield(_ => Evaluate(intake.Medications, intake.SubstanceUse));
    }

    private Finding Evaluate(CurrentMedications medications, SubstanceUseAnswers substance) => FromAnyAnswer(
        what => $"Regular CNS depressants ({what}): more sedation with esketamine; monitor closely (SPRAVATO prescribing information §5.1). Specialist review.",
        (medications.BenzodiazepinesOrSedatives, Fields.BenzodiazepinesOrSedatives, "benzodiazepines or other sedatives"),
        (medications.Opioids, Fields.Opioids, "opioids"),
        (substance.HeavyAlcoholUse, Fields.HeavyAlcoholUse, "heavy alcohol use"))!;
}
