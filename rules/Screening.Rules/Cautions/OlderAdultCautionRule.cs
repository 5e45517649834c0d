namespace Screening.Rules.Cautions;

[Name("RC_AGE_65_PLUS")]
[Title("Age 65 or over")]
[Description("Patients aged 65 or over start at a lower dose (28 mg) and were studied separately; specialist review.")]
[Kind(RuleKind.Relative)]
[Source("EU/HK SmPC dosing: adults ≥ 65 start at 28 mg (MIMS HK) [V]; TRANSFORM-3 elderly trial (PMC8061126) [V]; larger BP rises in ≥ 65 [U]", SourceStatus.Verified)]
public sealed class OlderAdultCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Measures.AgeYears >= Thresholds.OlderAdultAgeAtLeast);

        Then()
            .Yield(_ => Finding.Present(Self,
                $"Age {intake.Measures.AgeYears} is {Thresholds.OlderAdultAgeAtLeast} or over: a lower starting dose (28 mg) applies and older adults were studied separately (SmPC; TRANSFORM-3). Specialist review.",
                new Evidence(Fields.DateOfBirth.Path, $"age {intake.Measures.AgeYears}", $"≥ {Thresholds.OlderAdultAgeAtLeast} years")));
    }
}
