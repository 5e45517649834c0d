using Screening.Rules.Safety;

namespace Screening.Rules.Contraindications;

[Name("CI_SEVERE_UNCONTROLLED_HTN")]
[Title("Severe uncontrolled hypertension")]
[Description("Seated blood pressure at or above 180 systolic or 120 diastolic, with crisis symptoms answered 'no', is a temporary absolute contraindication: control blood pressure first, then re-screen (with symptoms it is URG_HYPERTENSIVE_EMERGENCY; unanswered, the symptom question is asked first). Blood pressure is a required field: a missing or out-of-date reading is missing information.")]
[Kind(RuleKind.Temporary)]
[Rescreen("once blood pressure is controlled below the severe range")]
[Source("SPRAVATO USPI (2019) §5.6 'do not administer ... if an increase in BP ... poses a serious risk' [V]; Cohen 2018 poorly controlled cardiovascular disease [P]; thresholds 2017 ACC/AHA >180 and/or >120 [P]; threshold choice [POLICY]", SourceStatus.Published)]
[UsesPolicy(nameof(ScreeningPolicy.SevereHypertensionSystolic), nameof(ScreeningPolicy.SevereHypertensionDiastolic), nameof(ScreeningPolicy.BloodPressureMaxAgeDays))]
public sealed class SevereHypertensionContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        BloodPressureGate gate = null!;
        Intake intake = null!;

        When()
            .Match(() => gate, g => g.Category == BloodPressureCategory.Severe || g.Category == BloodPressureCategory.Unknown)
            .Match(() => intake, x => gate.Category == BloodPressureCategory.Unknown || x.Vitals.HypertensiveCrisisSymptoms == Answer.No);

        Then()
            .Yield(_ => Evaluate(gate, intake.Policy));
    }

    private Finding Evaluate(BloodPressureGate gate, ScreeningPolicy policy) =>
        gate.Category == BloodPressureCategory.Unknown
            ? Finding.Unknown(Self, gate.Missing)
            : Finding.Present(Self,
                $"Blood pressure {gate.Reading.Describe()} is at or above {policy.SevereHypertensionSystolic}/{policy.SevereHypertensionDiastolic} mmHg (severe hypertension) without crisis symptoms: temporarily contraindicated. Control blood pressure first, then re-screen.",
                [.. gate.Evidence($"≥ {policy.SevereHypertensionSystolic} mmHg", $"≥ {policy.SevereHypertensionDiastolic} mmHg"), new Evidence(Fields.HypertensiveCrisisSymptoms.Path, "no")]);
}
