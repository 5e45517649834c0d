namespace Screening.Rules.Safety;

[Name("DERIVE_ED_STABILITY")]
[Title("Eating-disorder medical stability")]
[Description("When an eating disorder is present or suspected (a diagnosis or SCOFF 2 or more), derives medical stability from heart rate, blood pressure, orthostatic change, BMI, glucose, potassium, other electrolytes, temperature and acute compromise.")]
[Kind(RuleKind.Derivation)]
[Source("APA practice guideline criteria as tabulated in World Psychiatry review, PMC2755272 Table 5 (adults) [V]; BMI < 15 proxy [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.EdInstabilityBmiBelow))]
[Priority(Stage.Derivation)]
public sealed class EatingDisorderStabilityRule : ScreeningRule
{
    public override void Define()
    {
        DiagnosisAnswers diagnoses = null!;
        InstrumentScores instruments = null!;
        VitalSigns vitals = null!;
        ClinicalMeasures measures = null!;
        ScreeningPolicy policy = null!;

        When()
            .Match(() => diagnoses)
            .Match(() => instruments, i => EatingDisorderStabilityAssessor.Suspected(diagnoses, i))
            .Match(() => vitals)
            .Match(() => measures)
            .Match(() => policy);

        Then()
            .Yield(_ => EatingDisorderStabilityAssessor.Assess(vitals, measures, policy));
    }
}
