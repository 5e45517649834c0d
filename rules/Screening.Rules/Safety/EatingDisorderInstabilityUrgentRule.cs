namespace Screening.Rules.Safety;

[Name("URG_ED_MEDICAL_INSTABILITY")]
[Title("Eating disorder with medical instability")]
[Description("An eating disorder (diagnosed, or SCOFF 2 or more) with any adult instability criterion: heart rate below 40, BP below 90/60 or orthostatic change, BMI below 15, acute weight decline with food refusal, glucose below 60 mg/dL, potassium below 3 mmol/L, other electrolyte imbalance, temperature below 36.1 °C, syncope or acute organ compromise. If BMI, heart rate or BP is missing (or the BP reading is older than the policy allows), the result is insufficient; the other criteria unanswered (weight decline, orthostatic change, temperature, labs, acute compromise) are only worth asking. With the eating-disorder question unanswered and no SCOFF, a criterion met makes that question worth asking (its answer could make the outcome urgent); it does not hold the outcome.")]
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
            .Match(() => stability, s => s.EatingDisorder == Answer.Yes ? s.Unstable != Answer.No || s.WorthAsking.Count > 0 : s.Unstable == Answer.Yes);

        Then()
            .Yield(_ => Evaluate(stability));
    }

    private Finding Evaluate(EatingDisorderStability stability) => stability.Unstable switch
    {
        // Spec §6.3 makes the criteria urgent with an eating disorder present or suspected; unanswered, that is unknown,
        // never "no": the question is worth asking (it could make this urgent). It does not hold the outcome: it is
        // not among the safety data of §9.2 step 3, and several criteria (a low diastolic, a low temperature) are
        // common without one.
        Answer.Yes when stability.EatingDisorder == Answer.Unknown => Finding.OnlyWorthAsking(Self,
            Fields.EatingDisorder.Because($"{string.Join(", ", stability.CriteriaMet.Select(e => e.Value))}: with an eating disorder (diagnosed, or SCOFF 2 or more) this is urgent")),
        Answer.Yes => Finding.Present(Self,
            "Eating disorder with medical instability (" + string.Join(", ", stability.CriteriaMet.Select(e => e.Value)) + "): urgent medical assessment; ketamine is not appropriate until medically stable.",
            stability.CriteriaMet.ToArray()),
        Answer.Unknown => Finding.Unknown(Self, stability.Missing, stability.WorthAsking),
        _ => Finding.OnlyWorthAsking(Self, [.. stability.WorthAsking]),
    };
}
