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
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.KetamineHypersensitivity != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.KetamineHypersensitivity, Fields.KetamineHypersensitivity,
                "Previous allergic reaction to ketamine or esketamine reported: contraindicated (SPRAVATO prescribing information §4)."));
    }
}
