namespace Screening.Rules.Safety;

/// <summary>
/// The blood-pressure gates of criteria.md §7: not elevated (≤ 140 and ≤ 90), elevated (&gt; 140 or &gt; 90), severe
/// (≥ 180 or ≥ 120 by default), or unknown when a value is missing or the reading is older than the policy allows.
/// </summary>
public static class BloodPressureGates
{
    public static BloodPressureGate Classify(VitalSigns vitals, ClinicalMeasures measures, ScreeningPolicy policy)
    {
        var systolic = vitals.SystolicMmHg;
        var diastolic = vitals.DiastolicMmHg;
        var stale = measures.BloodPressureAgeDays > policy.BloodPressureMaxAgeDays;
        var evidence = new List<Evidence>();
        if (systolic is { } s)
        {
            evidence.Add(new Evidence(Fields.SystolicMmHg.Path, $"{s} mmHg"));
        }

        if (diastolic is { } d)
        {
            evidence.Add(new Evidence(Fields.DiastolicMmHg.Path, $"{d} mmHg"));
        }

        if (stale)
        {
            evidence.Add(new Evidence(Fields.BloodPressureMeasuredOn.Path, $"{measures.BloodPressureAgeDays} days before the screening", $"≤ {policy.BloodPressureMaxAgeDays} days"));
            return new BloodPressureGate(BloodPressureCategory.Unknown, systolic, diastolic, evidence,
                [Fields.SystolicMmHg, Fields.DiastolicMmHg, Fields.BloodPressureMeasuredOn]);
        }

        // One severe value is enough, even when the other is missing.
        if (systolic >= policy.SevereHypertensionSystolic || diastolic >= policy.SevereHypertensionDiastolic)
        {
            return new BloodPressureGate(BloodPressureCategory.Severe, systolic, diastolic, evidence, []);
        }

        if (systolic is null || diastolic is null)
        {
            var missing = new List<IntakeField>();
            if (systolic is null)
            {
                missing.Add(Fields.SystolicMmHg);
            }

            if (diastolic is null)
            {
                missing.Add(Fields.DiastolicMmHg);
            }

            return new BloodPressureGate(BloodPressureCategory.Unknown, systolic, diastolic, evidence, missing);
        }

        var elevated = systolic > Thresholds.ElevatedSystolicAbove || diastolic > Thresholds.ElevatedDiastolicAbove;
        return new BloodPressureGate(elevated ? BloodPressureCategory.Elevated : BloodPressureCategory.NotElevated, systolic, diastolic, evidence, []);
    }
}
