namespace Screening.Rules.Cautions;

[Name("RC_MODERATE_HEPATIC")]
[Title("Moderate hepatic impairment")]
[Description("Moderate hepatic impairment (Child-Pugh B): longer monitoring for adverse reactions may be needed.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §8.6: moderate hepatic impairment 'may need to be monitored for adverse reactions for a longer period of time' [V]; Cohen 2018 caution with LFT monitoring [P]", SourceStatus.Verified)]
public sealed class ModerateHepaticImpairmentCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.HepaticImpairment == HepaticImpairment.Moderate);

        Then()
            .Yield(_ => Finding.Present(Self,
                "Moderate hepatic impairment (Child-Pugh B): monitor for adverse reactions for longer after each dose (SPRAVATO prescribing information §8.6). Specialist review.",
                new Evidence(Fields.HepaticImpairment.Path, "moderate (Child-Pugh B)")));
    }
}
