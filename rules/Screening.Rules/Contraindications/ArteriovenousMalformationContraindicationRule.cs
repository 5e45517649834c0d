namespace Screening.Rules.Contraindications;

[Name("CI_AVM")]
[Title("Arteriovenous malformation")]
[Description("An arteriovenous malformation anywhere in the body is an absolute contraindication to esketamine.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI §4 Contraindications (arteriovenous malformation)", SourceStatus.Verified)]
public sealed class ArteriovenousMalformationContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.ArteriovenousMalformation != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.ArteriovenousMalformation, Fields.ArteriovenousMalformation,
                "Arteriovenous malformation reported: esketamine is contraindicated (SPRAVATO prescribing information §4)."));
    }
}
