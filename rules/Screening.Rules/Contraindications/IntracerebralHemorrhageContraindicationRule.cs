namespace Screening.Rules.Contraindications;

[Name("CI_ICH_HISTORY")]
[Title("History of intracerebral haemorrhage")]
[Description("A history of intracerebral haemorrhage is an absolute contraindication to esketamine.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI §4 Contraindications; EU SmPC 4.3", SourceStatus.Verified)]
public sealed class IntracerebralHemorrhageContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.IntracerebralHemorrhageHistory != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.IntracerebralHemorrhageHistory, Fields.IntracerebralHemorrhageHistory,
                "History of intracerebral haemorrhage reported: esketamine is contraindicated (SPRAVATO prescribing information §4; EU SmPC 4.3)."));
    }
}
