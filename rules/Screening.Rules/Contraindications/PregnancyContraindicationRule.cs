namespace Screening.Rules.Contraindications;

[Name("CI_PREGNANCY")]
[Title("Pregnancy")]
[Description("Current pregnancy excludes treatment. Asked when the patient can become pregnant; 'unsure' is unknown and needs a pregnancy test. Unanswered, it holds the outcome only when the patient can become pregnant, or when that is unanswered too and the sex at birth is not male.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI §8.1 'SPRAVATO is not recommended during pregnancy'; may cause fetal harm [V]; Cohen 2018 avoid in pregnancy [P]; treating it as an exclusion is [POLICY]", SourceStatus.Verified)]
public sealed class PregnancyContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Patient.Pregnant == Answer.Yes || (x.Patient.Pregnant == Answer.Unknown && MayBecomePregnant(x.Patient)));

        Then()
            .Yield(_ => Evaluate(intake.Patient));
    }

    // R2-4: an unanswered pregnancy question matters only when the patient can become pregnant, or when that is itself
    // unanswered and the sex at birth is not male.
    private static bool MayBecomePregnant(PatientInfo patient) =>
        patient.AbleToBecomePregnant == Answer.Yes
        || (patient.AbleToBecomePregnant == Answer.Unknown && patient.SexAtBirth != SexAtBirth.Male);

    private Finding Evaluate(PatientInfo patient)
    {
        if (patient.Pregnant == Answer.Yes)
        {
            return Finding.Present(Self,
                "Current pregnancy reported: esketamine is not recommended during pregnancy and may cause fetal harm (SPRAVATO prescribing information §8.1); the program treats pregnancy as an exclusion.",
                new Evidence(Fields.Pregnant.Path, "yes"));
        }

        if (patient.AbleToBecomePregnant == Answer.Yes)
        {
            return Finding.Unknown(Self, Fields.Pregnant);
        }

        // Either answer settles it: "not able to become pregnant" (or male sex at birth) removes the question.
        return patient.SexAtBirth == SexAtBirth.Unknown
            ? Finding.Unknown(Self, Fields.AbleToBecomePregnant, Fields.Pregnant, Fields.SexAtBirth)
            : Finding.Unknown(Self, Fields.AbleToBecomePregnant, Fields.Pregnant);
    }
}
