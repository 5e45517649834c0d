namespace Screening.Rules.Cautions;

[Name("RC_CYSTITIS_LUTS")]
[Title("Cystitis or urinary symptoms")]
[Description("Ulcerative or interstitial cystitis, or current lower urinary tract symptoms, is a caution: ketamine-associated cystitis.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI 2019 highlights: warnings include ulcerative or interstitial cystitis", SourceStatus.Verified)]
public sealed class CystitisCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.CystitisOrUrinarySymptoms != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.CystitisOrUrinarySymptoms, Fields.CystitisOrUrinarySymptoms,
                "Interstitial cystitis, bladder pain or urinary symptoms reported: ketamine and esketamine can cause ulcerative or interstitial cystitis (SPRAVATO prescribing information, warnings). Specialist review and urinary symptom monitoring."));
    }
}
