namespace Screening.Rules.Safety;

/// <summary>
/// The blood-pressure gates of spec §7: not elevated (≤ 140 and ≤ 90), elevated (&gt; 140 or &gt; 90), severe
/// (≥ 180 or ≥ 120 by default), or unknown when a value is missing or the reading is older than the policy allows.
/// </summary>
public static class BloodPressureGates
{
    public static BloodPressureGate Classify(BloodPressureMeasure reading, ScreeningPolicy policy)
    {
        if (reading.Stale)
        {
            return new BloodPressureGate(BloodPressureCategory.Unknown, reading, Missing(reading, policy));
        }

        // One severe value is enough, even when the other is missing.
        if (reading.Systolic >= policy.SevereHypertensionSystolic || reading.Diastolic >= policy.SevereHypertensionDiastolic)
        {
            return new BloodPressureGate(BloodPressureCategory.Severe, reading, []);
        }

        if (!reading.IsUsable)
        {
            return new BloodPressureGate(BloodPressureCategory.Unknown, reading, Missing(reading, policy));
        }

        var elevated = reading.Systolic > Thresholds.ElevatedSystolicAbove || reading.Diastolic > Thresholds.ElevatedDiastolicAbove;
        return new BloodPressureGate(elevated ? BloodPressureCategory.Elevated : BloodPressureCategory.NotElevated, reading, []);
    }

    /// <summary>
    /// What to ask for when the reading cannot be used: the pressures not given, or, for a reading older than the policy
    /// allows, a new reading (R2-2: a stale reading counts as missing everywhere, and the missing item says why).
    /// </summary>
    public static IReadOnlyList<IntakeField> Missing(BloodPressureMeasure reading, ScreeningPolicy policy)
    {
        if (reading.Stale)
        {
            var why = $"the reading is {reading.AgeDays} days old, older than the {policy.BloodPressureMaxAgeDays} days allowed: measure it again";
            IntakeField[] fields = reading.Readings.Count > 0
                ? [Fields.BloodPressureReadings, Fields.BloodPressureMeasuredOn]
                : [Fields.SystolicMmHg, Fields.DiastolicMmHg, Fields.BloodPressureMeasuredOn];
            return fields.Select(f => f.Because(why)).ToArray();
        }

        var missing = new List<IntakeField>();
        if (reading.Systolic is null)
        {
            missing.Add(Fields.SystolicMmHg);
        }

        if (reading.Diastolic is null)
        {
            missing.Add(Fields.DiastolicMmHg);
        }

        return missing;
    }
}
