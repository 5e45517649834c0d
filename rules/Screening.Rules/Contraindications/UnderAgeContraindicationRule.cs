namespace Screening.Rules.Contraindications;

[Name("CI_AGE_UNDER_18")]
[Title("Under 18 years")]
[Description("Patients under 18 are excluded: esketamine is not approved in paediatric patients, and the program applies the same floor to off-label ketamine. Age comes from the date of birth.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI: 'not approved in pediatric (<18 years of age) patients' (§5.5, §8.4) [V]; same floor for off-label ketamine [POLICY]", SourceStatus.Verified)]
public sealed class UnderAgeContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Measures.AgeYears == null || x.Measures.AgeYears < Thresholds.AdultAgeAtLeast);

        Then()
            .Yield(_ => intake.Measures.AgeYears == null
                ? Finding.Unknown(Self, Fields.DateOfBirth)
                : Finding.Present(Self,
                    $"Age {intake.Measures.AgeYears} is under {Thresholds.AdultAgeAtLeast}: esketamine is not approved in paediatric patients (SPRAVATO prescribing information), and the program applies the same age floor to off-label ketamine.",
                    new Evidence(Fields.DateOfBirth.Path, $"age {intake.Measures.AgeYears}", $"< {Thresholds.AdultAgeAtLeast} years")));
    }
}
