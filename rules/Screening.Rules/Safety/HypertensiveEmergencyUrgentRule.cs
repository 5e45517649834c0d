namespace Screening.Rules.Safety;

[Name("URG_HYPERTENSIVE_EMERGENCY")]
[Title("Hypertensive emergency")]
[Description("Blood pressure at or above 180 systolic or 120 diastolic with symptoms of hypertensive crisis or encephalopathy (chest pain, shortness of breath, sudden severe headache, visual disturbance, seizure, reduced consciousness, focal deficit): refer immediately for emergency care.")]
[Kind(RuleKind.Urgent)]
[Emergency(UrgentSubtype.Medical)]
[Source("SPRAVATO USPI §5.6: 'Refer patients experiencing symptoms of a hypertensive crisis ... or hypertensive encephalopathy ... immediately for emergency care' [V]; thresholds 2017 ACC/AHA [P]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.SevereHypertensionSystolic), nameof(ScreeningPolicy.SevereHypertensionDiastolic))]
public sealed class HypertensiveEmergencyUrgentRule : ScreeningRule
{
    public override void Define()
    {
        BloodPressureGate gate = null!;
        Intake intake = null!;

        When()
            .Match(() => gate, g => g.Category == BloodPressureCategory.Severe)
            .Match(() => intake, x => x.Vitals.HypertensiveCrisisSymptoms != Answer.No);

        Then()
            .Yield(_ => Evaluate(gate, intake.Vitals));
    }

    private Finding Evaluate(BloodPressureGate gate, VitalSigns vitals) =>
        vitals.HypertensiveCrisisSymptoms == Answer.Yes
            ? Finding.Present(Self,
                $"Blood pressure {BloodPressureText.Reading(gate)} is in the hypertensive-crisis range with symptoms of a hypertensive crisis or encephalopathy: refer immediately for emergency care (SPRAVATO prescribing information §5.6).",
                [.. gate.Evidence, new Evidence(Fields.HypertensiveCrisisSymptoms.Path, "yes")])
            : Finding.Unknown(Self, Fields.HypertensiveCrisisSymptoms);
}
