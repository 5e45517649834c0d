namespace Screening.Rules.Cautions;

[Name("RC_GLAUCOMA_IOP")]
[Title("Glaucoma or raised eye pressure")]
[Description("Untreated glaucoma, raised intraocular pressure, a current penetrating eye injury or planned eye surgery is a caution: ketamine can raise intraocular pressure.")]
[Kind(RuleKind.Relative)]
[Source("Phase 3 exclusion (JNJ Medical Connect) [V]; Cohen 2018 avoid in elevated IOP [P]; classified relative [POLICY]", SourceStatus.Policy)]
public sealed class GlaucomaOrEyeRiskCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.GlaucomaOrEyeRisk != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.GlaucomaOrEyeRisk, Fields.GlaucomaOrEyeRisk,
                "Untreated glaucoma, raised eye pressure, an eye injury or planned eye surgery reported: ketamine can raise intraocular pressure (Cohen 2018; excluded from the phase 3 trials). Specialist review."));
    }
}
