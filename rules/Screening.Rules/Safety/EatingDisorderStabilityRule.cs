namespace Screening.Rules.Safety;

[Name("DERIVE_ED_STABILITY")]
[Title("Eating-disorder medical stability")]
[Description("When an eating disorder is present or suspected (a diagnosis or SCOFF 2 or more), or unknown (the diagnosis unanswered and no SCOFF) with a criterion met or a BMI below 18.5, derives medical stability from heart rate, blood pressure (missing when older than the policy allows), orthostatic change, BMI, acute weight decline with food refusal, glucose, potassium, other electrolytes, temperature and acute compromise.")]
[Kind(RuleKind.Derivation)]
[Source("APA practice guideline criteria as tabulated in World Psychiatry review, PMC2755272 Table 5 (adults) [V]; BMI < 15 proxy [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.EdInstabilityBmiBelow), nameof(ScreeningPolicy.BloodPressureMaxAgeDays), nameof(ScreeningPolicy.BloodPressureReadingsRule))]
[Priority(Stage.Derivation)]
public sealed class EatingDisorderStabilityRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => EatingDisorderStabilityAssessor.NeedsAssessing(EatingDisorderStabilityAssessor.Suspected(x.Diagnoses, x.Instruments), x.Vitals, x.Measures, x.Policy));

        Then()
            .Yield(_ => EatingDisorderStabilityAssessor.Assess(EatingDisorderStabilityAssessor.Suspected(intake.Diagnoses, intake.Instruments), intake.Vitals, intake.Measures, intake.Policy));
    }
}
