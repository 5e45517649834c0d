namespace Screening.Rules.Contraindications;

[Name("CI_HYPERSENSITIVITY")]
[Title("Hypersensitivity to ketamine or esketamine")]
[Description("Hypersensitivity to esketamine, ketamine or any excipient is an absolute contraindication.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI §4 Contraindications (hypersensitivity to esketamine, ketamine, or any of the excipients)", SourceStatus.Verified)]
public sealed class KetamineHypersensitivityContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        ContraindicationAnswers answers = null!;

        When()
            .Match(() => answers, a => a.KetamineHypersensitivity != Answer.No);

        Then()
            .Yield(_ => FromAnswer(answers.KetamineHypersensitivity, Fields.KetamineHypersensitivity,
                "Previous allergic reaction to ketamine or esketamine reported: contraindicated (SPRAVATO prescribing information §4)."));
    }
}
