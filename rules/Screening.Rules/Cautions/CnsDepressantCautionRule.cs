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
        CurrentMedications medications = null!;
        SubstanceUseAnswers substance = null!;
        Finding? finding = null;

        When()
            .Match(() => medications)
            .Match(() => substance)
            .Let(() => finding, () => Evaluate(medications, substance))
            .Having(() => finding != null);

        Then()
            .Yield(_ => finding!);
    }

    private Finding? Evaluate(CurrentMedications medications, SubstanceUseAnswers substance) => FromAnyAnswer(
        what => $"Regular CNS depressants ({what}): more sedation with esketamine; monitor closely (SPRAVATO prescribing information §5.1). Specialist review.",
        (medications.BenzodiazepinesOrSedatives, Fields.BenzodiazepinesOrSedatives, "benzodiazepines or other sedatives"),
        (medications.Opioids, Fields.Opioids, "opioids"),
        (substance.HeavyAlcoholUse, Fields.HeavyAlcoholUse, "heavy alcohol use"));
}
