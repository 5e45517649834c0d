namespace Screening.Rules.Contraindications;

[Name("CI_PREGNANCY")]
[Title("Pregnancy")]
[Description("Current pregnancy excludes treatment. Asked when the patient can become pregnant; 'unsure' is unknown and needs a pregnancy test.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI §8.1 'SPRAVATO is not recommended during pregnancy'; may cause fetal harm [V]; Cohen 2018 avoid in pregnancy [P]; treating it as an exclusion is [POLICY]", SourceStatus.Verified)]
public sealed class PregnancyContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Patient.Pregnant == Answer.Yes || (x.Patient.Pregnant == Answer.Unknown && x.Patient.AbleToBecomePregnant != Answer.No));

        Then()
            .Yield(_ => Evaluate(intake.Patient));
    }

    private Finding Evaluate(PatientInfo patient)
    {
        if (patient.Pregnant == Answer.Yes)
        {
            return Finding.Present(Self,
                "Current pregnancy reported: esketamine is not recommended during pregnancy and may cause fetal harm (SPRAVATO prescribing information §8.1); the program treats pregnancy as an exclusion.",
                new Evidence(Fields.Pregnant.Path, "yes"));
        }

        return patient.AbleToBecomePregnant == Answer.Unknown
            ? Finding.Unknown(Self, Fields.AbleToBecomePregnant, Fields.Pregnant)
            : Finding.Unknown(Self, Fields.Pregnant);
    }
}
