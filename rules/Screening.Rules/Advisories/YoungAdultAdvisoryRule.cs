namespace Screening.Rules.Advisories;

[Name("INFO_YOUNG_ADULT_18_24")]
[Title("Young adult (18-24)")]
[Description("Age 18 to 24: the antidepressant class boxed warning applies (more suicidal thoughts and behaviours in patients aged 24 or younger); monitor closely.")]
[Kind(RuleKind.Info)]
[Source("SPRAVATO USPI §5.5 Table 2: drug-placebo difference +5 per 1000 patients aged 18-24", SourceStatus.Verified)]
public sealed class YoungAdultAdvisoryRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Measures.AgeYears >= Thresholds.AdultAgeAtLeast && x.Measures.AgeYears <= Thresholds.YoungAdultAgeAtMost);

        Then()
            .Yield(_ => Finding.Present(Self,
                $"Age {intake.Measures.AgeYears}: antidepressants carry a boxed warning of more suicidal thoughts and behaviours in patients aged 24 or younger; monitor closely for worsening and emergent suicidality (SPRAVATO prescribing information §5.5).",
                new Evidence(Fields.DateOfBirth.Path, $"age {intake.Measures.AgeYears}", $"{Thresholds.AdultAgeAtLeast}-{Thresholds.YoungAdultAgeAtMost} years")));
    }
}
