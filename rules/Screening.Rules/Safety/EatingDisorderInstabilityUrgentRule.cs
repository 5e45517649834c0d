namespace Screening.Rules.Safety;

[Name("URG_ED_MEDICAL_INSTABILITY")]
[Title("Eating disorder with medical instability")]
[Description("An eating disorder (diagnosed, or SCOFF 2 or more) with any adult instability criterion: heart rate below 40, BP below 90/60 or orthostatic change, BMI below 15, acute weight decline with food refusal, glucose below 60 mg/dL, potassium below 3 mmol/L, other electrolyte imbalance, temperature below 36.1 °C, syncope or acute organ compromise. If BMI, heart rate or BP is missing (or the BP reading is older than the policy allows), the result is insufficient; an unanswered weight-decline question is only worth asking.")]
[Kind(RuleKind.Urgent)]
[Emergency(UrgentSubtype.Medical)]
[Source("APA practice guideline criteria, World Psychiatry review PMC2755272 Table 5 [V]; BMI < 15 proxy and missing-data handling [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.EdInstabilityBmiBelow), nameof(ScreeningPolicy.BloodPressureMaxAgeDays))]
public sealed class EatingDisorderInstabilityUrgentRule : ScreeningRule
{
    public override void Define()
    {
        EatingDisorderStability stability = null!;

        When()
            .Match(() => stability, s => s.Unstable != Answer.No || s.WorthAsking.Count > 0);

        Then()
            .Yield(_ => Evaluate(stability));
    }

    private Finding Evaluate(EatingDisorderStability stability) => stability.Unstable switch
    {
        Answer.Yes => Finding.Present(Self,
            "Eating disorder with medical instability (" + string.Join(", ", stability.CriteriaMet.Select(e => e.Value)) + "): urgent medical assessment; ketamine is not appropriate until medically stable.",
            stability.CriteriaMet.ToArray()),
        Answer.Unknown => Finding.Unknown(Self, stability.Missing, stability.WorthAsking),
        _ => Finding.OnlyWorthAsking(Self, [.. stability.WorthAsking]),
    };
}
