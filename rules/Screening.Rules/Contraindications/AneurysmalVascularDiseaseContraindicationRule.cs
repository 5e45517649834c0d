namespace Screening.Rules.Contraindications;

[Name("CI_ANEURYSMAL_VASCULAR_DISEASE")]
[Title("Aneurysmal vascular disease")]
[Description("Aneurysmal vascular disease (thoracic or abdominal aorta, intracranial or peripheral arteries) is an absolute contraindication. A repaired aneurysm is recorded but does not remove the rule; a clinician may override after vascular review.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI §4 Contraindications; EU SmPC 4.3 [V]; repaired aneurysm still excluded [POLICY]", SourceStatus.Verified)]
public sealed class AneurysmalVascularDiseaseContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.AneurysmalVascularDisease != Answer.No);

        Then()
            .Yield(_ => Evaluate(intake.Contraindications));
    }

    private Finding Evaluate(ContraindicationAnswers answers)
    {
        if (answers.AneurysmalVascularDisease == Answer.Unknown)
        {
            return Finding.Unknown(Self, Fields.AneurysmalVascularDisease);
        }

        var repaired = answers.AneurysmRepaired == Answer.Yes
            ? " It has been repaired; the label does not distinguish repaired aneurysms, so the contraindication stands unless a clinician overrides it after vascular review."
            : string.Empty;
        return Finding.Present(Self,
            "Aneurysmal vascular disease reported: esketamine is contraindicated (SPRAVATO prescribing information §4)." + repaired,
            new Evidence(Fields.AneurysmalVascularDisease.Path, "yes"),
            new Evidence(Fields.AneurysmRepaired.Path, Tri.Text(answers.AneurysmRepaired)));
    }
}
