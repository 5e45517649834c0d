namespace Screening.Rules.Cautions;

[Name("RC_HYPERTHYROID_UNTREATED")]
[Title("Untreated hyperthyroidism")]
[Description("Hyperthyroidism that is not adequately treated is a caution: specialist review.")]
[Kind(RuleKind.Relative)]
[Source("EU patient information leaflet (medikamio PT): tell the doctor about an overactive thyroid not adequately treated", SourceStatus.Verified)]
public sealed class UncontrolledHyperthyroidismCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.UncontrolledHyperthyroidism != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.UncontrolledHyperthyroidism, Fields.UncontrolledHyperthyroidism,
                "Overactive thyroid not currently controlled: a caution in the EU product information. Specialist review; treat the thyroid first where possible."));
    }
}
