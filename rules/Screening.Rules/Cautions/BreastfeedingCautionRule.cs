namespace Screening.Rules.Cautions;

[Name("RC_BREASTFEEDING")]
[Title("Breastfeeding")]
[Description("Breastfeeding: esketamine is present in human milk and women are advised not to breastfeed during treatment.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §8.2 / §17: 'Esketamine is present in human milk'; 'Advise women not to breastfeed during treatment with SPRAVATO'", SourceStatus.Verified)]
public sealed class BreastfeedingCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Patient.Breastfeeding != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Patient.Breastfeeding, Fields.Breastfeeding,
                "Currently breastfeeding: esketamine is present in human milk, and women are advised not to breastfeed during treatment (SPRAVATO prescribing information §8.2). Specialist review."));
    }
}
