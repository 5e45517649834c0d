namespace Screening.Rules.Safety;

[Name("URG_HYPERTENSIVE_EMERGENCY")]
[Title("Hypertensive emergency")]
[Description("Symptoms of hypertensive crisis or encephalopathy now (chest pain, shortness of breath, sudden severe headache, visual disturbance, seizure, reduced consciousness, focal deficit), at any blood pressure and also when it is missing: refer immediately for emergency care. With blood pressure at or above 180 systolic or 120 diastolic and the symptom question unanswered, the result is insufficient until it is asked.")]
[Kind(RuleKind.Urgent)]
[Emergency(UrgentSubtype.Medical)]
[Source("SPRAVATO USPI §5.6: 'Refer patients experiencing symptoms of a hypertensive crisis ... or hypertensive encephalopathy ... immediately for emergency care' [V]; thresholds 2017 ACC/AHA [P]; applying it at screening [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.SevereHypertensionSystolic), nameof(ScreeningPolicy.SevereHypertensionDiastolic))]
public sealed class HypertensiveEmergencyUrgentRule : ScreeningRule
{
    public override void Define()
    {
        BloodPressureGate gate = null!;
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Vitals.HypertensiveCrisisSymptoms != Answer.No)
            .Match(() => gate);

        Then()
            .Yield(_ => Evaluate(gate, intake.Vitals, intake.Policy));
    }

    private Finding Evaluate(BloodPressureGate gate, VitalSigns vitals, ScreeningPolicy policy)
    {
        var severe = gate.Category == BloodPressureCategory.Severe;
        if (vitals.HypertensiveCrisisSymptoms == Answer.Unknown)
        {
            // R2-1: with a crisis-range reading the answer could make this an emergency now; otherwise it is worth asking.
            return severe
                ? Finding.Unknown(Self, Fields.HypertensiveCrisisSymptoms.Because($"blood pressure {gate.Reading.Describe()} is in the crisis range"))
                : Finding.OnlyWorthAsking(Self, Fields.HypertensiveCrisisSymptoms);
        }

        var reading = gate.Category == BloodPressureCategory.Unknown
            ? "Blood pressure not known"
            : severe
                ? $"Blood pressure {gate.Reading.Describe()}, in the hypertensive-crisis range,"
                : $"Blood pressure {gate.Reading.Describe()}";
        var evidence = severe
            ? gate.Evidence($"≥ {policy.SevereHypertensionSystolic} mmHg", $"≥ {policy.SevereHypertensionDiastolic} mmHg")
            : gate.Category == BloodPressureCategory.Unknown ? [] : gate.Evidence();
        return Finding.Present(Self,
            $"{reading} with symptoms of a hypertensive crisis or encephalopathy now: refer immediately for emergency care, whatever the blood pressure (SPRAVATO prescribing information §5.6).",
            [new Evidence(Fields.HypertensiveCrisisSymptoms.Path, "yes"), .. evidence]);
    }
}
