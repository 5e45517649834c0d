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
        ContraindicationAnswers answers = null!;

        When()
            .Match(() => answers, a => a.ArteriovenousMalformation != Answer.No);

        Then()
            .Yield(_ => FromAnswer(answers.ArteriovenousMalformation, Fields.ArteriovenousMalformation,
                "Arteriovenous malformation reported: esketamine is contraindicated (SPRAVATO prescribing information §4)."));
    }
}
