namespace Screening.Rules.Safety;

/// <summary>
/// Eating-disorder medical instability in adults (criteria.md §6.3, APA criteria): any one criterion met is
/// instability. Without one, BMI, heart rate and blood pressure must all be known to call the patient stable.
/// </summary>
public static class EatingDisorderStabilityAssessor
{
    /// <summary>An eating disorder is present or suspected: a diagnosis, or SCOFF 2 or more.</summary>
    public static bool Suspected(DiagnosisAnswers diagnoses, InstrumentScores instruments) =>
        diagnoses.EatingDisorder == Answer.Yes || instruments.ScoffTotal >= Thresholds.ScoffLikelyAtLeast;

    public static EatingDisorderStability Assess(VitalSigns v, ClinicalMeasures measures, ScreeningPolicy policy)
    {
        var met = new List<Evidence>();
        void Below<T>(IntakeField field, T? value, T limit, string unit) where T : struct, IComparable<T>
        {
            if (value is { } x && x.CompareTo(limit) < 0)
            {
                met.Add(new Evidence(field.Path, $"{x} {unit}".TrimEnd(), $"< {limit} {unit}".TrimEnd()));
            }
        }

        void Yes(IntakeField field, Answer answer)
        {
            if (answer == Answer.Yes)
            {
                met.Add(new Evidence(field.Path, "yes"));
            }
        }

        Below(Fields.HeartRateBpm, v.HeartRateBpm, Thresholds.EdHeartRateBelow, "bpm");
        Below(Fields.SystolicMmHg, v.SystolicMmHg, Thresholds.EdSystolicBelow, "mmHg");
        Below(Fields.DiastolicMmHg, v.DiastolicMmHg, Thresholds.EdDiastolicBelow, "mmHg");
        Yes(Fields.OrthostaticChange, v.OrthostaticChange);
        if (measures.Bmi is { } bmi && bmi < policy.EdInstabilityBmiBelow)
        {
            met.Add(new Evidence("vitals.heightCm, vitals.weightKg", $"BMI {bmi:0.0} kg/m²", $"< {policy.EdInstabilityBmiBelow} kg/m²"));
        }

        Below(Fields.GlucoseMgPerDl, v.GlucoseMgPerDl, Thresholds.EdGlucoseBelow, "mg/dL");
        Below(Fields.PotassiumMmolPerL, v.PotassiumMmolPerL, Thresholds.EdPotassiumBelow, "mmol/L");
        Yes(Fields.OtherElectrolyteImbalance, v.OtherElectrolyteImbalance);
        Below(Fields.TemperatureC, v.TemperatureC, Thresholds.EdTemperatureBelow, "°C");
        Yes(Fields.AcuteMedicalCompromise, v.AcuteMedicalCompromise);

        if (met.Count > 0)
        {
            return new EatingDisorderStability(Answer.Yes, met, []);
        }

        var missing = new List<IntakeField>();
        if (measures.Bmi is null)
        {
            missing.AddRange(new[] { (Fields.HeightCm, v.HeightCm is null), (Fields.WeightKg, v.WeightKg is null) }.Where(x => x.Item2).Select(x => x.Item1));
        }

        if (v.HeartRateBpm is null)
        {
            missing.Add(Fields.HeartRateBpm);
        }

        if (v.SystolicMmHg is null)
        {
            missing.Add(Fields.SystolicMmHg);
        }

        if (v.DiastolicMmHg is null)
        {
            missing.Add(Fields.DiastolicMmHg);
        }

        return new EatingDisorderStability(missing.Count > 0 ? Answer.Unknown : Answer.No, met, missing);
    }
}
