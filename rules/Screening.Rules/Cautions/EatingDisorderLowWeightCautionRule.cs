namespace Screening.Rules.Cautions;

[Name("RC_ED_LOW_WEIGHT")]
[Title("Eating disorder with low weight")]
[Description("An eating disorder with BMI from 15.0 up to 18.49 and no instability criterion: specialist review. BMI below 15 is URG_ED_MEDICAL_INSTABILITY instead. With the eating-disorder question unanswered and no SCOFF, such a BMI makes that question worth asking.")]
[Kind(RuleKind.Relative)]
[Source("DSM-5 anorexia nervosa severity bands (PMC8674740) [V]; use as a caution [POLICY]", SourceStatus.Policy)]
[UsesPolicy(nameof(ScreeningPolicy.EdInstabilityBmiBelow))]
public sealed class EatingDisorderLowWeightCautionRule : ScreeningRule
{
    public override void Define()
    {
        EatingDisorderStability stability = null!;
        Intake intake = null!;

        When()
            .Match(() => stability, s => s.Unstable == Answer.No)
            .Match(() => intake, x => x.Measures.Bmi >= x.Policy.EdInstabilityBmiBelow && x.Measures.Bmi < Thresholds.EdLowWeightBmiBelow);

        Then()
            .Yield(_ => Evaluate(stability.EatingDisorder, intake));
    }

    private Finding Evaluate(Answer eatingDisorder, Intake intake) => eatingDisorder == Answer.Yes
        ? Finding.Present(Self,
            $"Eating disorder with BMI {intake.Measures.Bmi:0.0} kg/m² (from {intake.Policy.EdInstabilityBmiBelow} to below {Thresholds.EdLowWeightBmiBelow}) and no sign of medical instability: specialist review, with weight and electrolytes monitored.",
            new Evidence(Fields.Bmi.Path, $"BMI {intake.Measures.Bmi:0.0} kg/m²", $"≥ {intake.Policy.EdInstabilityBmiBelow} and < {Thresholds.EdLowWeightBmiBelow} kg/m²"))
        // Unanswered (no SCOFF either), the eating disorder is unknown, not absent: its answer could add this caution.
        : Finding.OnlyWorthAsking(Self, Fields.EatingDisorder.Because($"BMI {intake.Measures.Bmi:0.0} kg/m²: with an eating disorder (diagnosed, or SCOFF 2 or more) this needs specialist review"));
}
