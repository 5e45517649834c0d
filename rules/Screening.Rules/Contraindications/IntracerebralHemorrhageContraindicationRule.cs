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
        ContraindicationAnswers answers = null!;

        When()
            .Match(() => answers, a => a.IntracerebralHemorrhageHistory != Answer.No);

        Then()
            .Yield(_ => FromAnswer(answers.IntracerebralHemorrhageHistory, Fields.IntracerebralHemorrhageHistory,
                "History of intracerebral haemorrhage reported: esketamine is contraindicated (SPRAVATO prescribing information §4; EU SmPC 4.3)."));
    }
}
