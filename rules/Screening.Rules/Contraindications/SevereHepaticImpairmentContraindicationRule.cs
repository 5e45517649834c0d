namespace Screening.Rules.Contraindications;

[Name("CI_SEVERE_HEPATIC")]
[Title("Severe hepatic impairment")]
[Description("Severe hepatic impairment (Child-Pugh C) or decompensated cirrhosis: use is not recommended (not studied).")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI §8.6: not studied in severe hepatic impairment (Child-Pugh class C); 'use in this population is not recommended' [V]; Cohen 2018 avoid in severe hepatic dysfunction [P]", SourceStatus.Verified)]
public sealed class SevereHepaticImpairmentContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.HepaticImpairment == HepaticImpairment.Severe || x.Contraindications.HepaticImpairment == HepaticImpairment.Unknown);

        Then()
            .Yield(_ => intake.Contraindications.HepaticImpairment == HepaticImpairment.Severe
                ? Finding.Present(Self,
                    "Severe hepatic impairment (Child-Pugh C) reported: esketamine has not been studied and is not recommended (SPRAVATO prescribing information §8.6).",
                    new Evidence(Fields.HepaticImpairment.Path, "severe (Child-Pugh C)"))
                : Finding.Unknown(Self, Fields.HepaticImpairment));
    }
}
