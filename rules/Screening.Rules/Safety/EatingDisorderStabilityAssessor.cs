namespace Screening.Rules.Safety;

/// <summary>
/// Eating-disorder medical instability in adults (spec §6.3, APA criteria): any one criterion met is
/// instability. Without one, BMI, heart rate and a usable blood pressure must all be known to call the patient stable
/// (a reading older than the policy allows counts as missing, R2-2). Acute weight decline with food refusal is a
/// criterion of its own; unanswered it is worth asking but does not hold the outcome, because the BMI proxy stands in
/// (R2-15); so are the other criteria (orthostatic change, temperature, labs, acute compromise).
/// </summary>
public static class EatingDisorderStabilityAssessor
{
    /// <summary>
    /// Yes: an eating disorder is present or suspected (a diagnosis, or SCOFF 2 or more); Unknown: the diagnosis question
    /// is unanswered and no SCOFF was given; No: the diagnosis is "no" or the SCOFF is below 2.
    /// </summary>
    public static Answer Suspected(DiagnosisAnswers diagnoses, InstrumentScores instruments) =>
        diagnoses.EatingDisorder == Answer.Yes || instruments.ScoffTotal >= Thresholds.ScoffLikelyAtLeast ? Answer.Yes
        : diagnoses.EatingDisorder == Answer.Unknown && instruments.ScoffTotal is null ? Answer.Unknown
        : Answer.No;

    /// <summary>
    /// Whether to derive stability: always for a present or suspected eating disorder; for an unknown one only when the
    /// vital signs show a criterion met or a low weight, the only cases in which its answer could matter (so a usual
    /// intake, which leaves the question out, costs nothing here).
    /// </summary>
    public static bool NeedsAssessing(Answer eatingDisorder, VitalSigns v, ClinicalMeasures measures, ScreeningPolicy policy) =>
        eatingDisorder == Answer.Yes
        || (eatingDisorder == Answer.Unknown && (measures.Bmi < Thresholds.EdLowWeightBmiBelow || CriteriaMet(v, measures, policy).Length > 0));

    public static EatingDisorderStability Assess(Answer eatingDisorder, VitalSigns v, ClinicalMeasures measures, ScreeningPolicy policy)
    {
        var met = CriteriaMet(v, measures, policy);
        if (met.Length > 0)
        {
            return new EatingDisorderStability(eatingDisorder, Answer.Yes, met, [], []);
        }

        var bloodPressure = measures.BloodPressure;
        var missing = new List<IntakeField>();
        if (measures.Bmi is null)
        {
            missing.AddRange(new[] { (Fields.HeightCm, v.HeightCm is null), (Fields.WeightKg, v.WeightKg is null) }.Where(x => x.Item2).Select(x => x.Item1));
        }

        if (v.HeartRateBpm is null)
        {
            missing.Add(Fields.HeartRateBpm);
        }

        missing.AddRange(BloodPressureGates.Missing(bloodPressure, policy));
        // The other criteria are minimum-dataset items for a suspected eating disorder (spec §10.7: orthostatic change,
        // temperature, potassium and glucose "if available", syncope): unanswered, each is worth asking, as the
        // weight-decline question is (R2-15), and none holds the outcome.
        var worthAsking = new[]
        {
            (Fields.AcuteWeightDeclineWithFoodRefusal, v.AcuteWeightDeclineWithFoodRefusal == Answer.Unknown),
            (Fields.OrthostaticChange, v.OrthostaticChange == Answer.Unknown),
            (Fields.TemperatureC, v.TemperatureC is null),
            (Fields.PotassiumMmolPerL, v.PotassiumMmolPerL is null),
            (Fields.GlucoseMgPerDl, v.GlucoseMgPerDl is null),
            (Fields.OtherElectrolyteImbalance, v.OtherElectrolyteImbalance == Answer.Unknown),
            (Fields.AcuteMedicalCompromise, v.AcuteMedicalCompromise == Answer.Unknown),
        }.Where(x => x.Item2).Select(x => x.Item1).ToArray();
        return new EatingDisorderStability(eatingDisorder, missing.Count > 0 ? Answer.Unknown : Answer.No, met, missing, worthAsking);
    }

    /// <summary>The instability criteria met, as evidence (none met: an empty array, and no list allocated on the way).</summary>
    private static Evidence[] CriteriaMet(VitalSigns v, ClinicalMeasures measures, ScreeningPolicy policy)
    {
        List<Evidence>? met = null;
        void Below<T>(IntakeField field, T? value, T limit, string unit) where T : struct, IComparable<T>
        {
            if (value is { } x && x.CompareTo(limit) < 0)
            {
                (met ??= []).Add(new Evidence(field.Path, $"{x} {unit}".TrimEnd(), $"< {limit} {unit}".TrimEnd()));
            }
        }

        void Yes(IntakeField field, Answer answer)
        {
            if (answer == Answer.Yes)
            {
                (met ??= []).Add(new Evidence(field.Path, "yes"));
            }
        }

        var bloodPressure = measures.BloodPressure;
        Below(Fields.HeartRateBpm, v.HeartRateBpm, Thresholds.EdHeartRateBelow, "bpm");
        if (!bloodPressure.Stale && (bloodPressure.Systolic < Thresholds.EdSystolicBelow || bloodPressure.Diastolic < Thresholds.EdDiastolicBelow))
        {
            // Either value below its limit (the specification's "< 90/60"); only the low values carry a threshold.
            var evidence = bloodPressure.Evidence(
                bloodPressure.Systolic < Thresholds.EdSystolicBelow ? $"< {Thresholds.EdSystolicBelow} mmHg" : null,
                bloodPressure.Diastolic < Thresholds.EdDiastolicBelow ? $"< {Thresholds.EdDiastolicBelow} mmHg" : null);
            (met ??= []).AddRange(evidence.Where(e => e.Threshold is not null));
        }

        Yes(Fields.OrthostaticChange, v.OrthostaticChange);
        if (measures.Bmi is { } bmi && bmi < policy.EdInstabilityBmiBelow)
        {
            (met ??= []).Add(new Evidence(Fields.Bmi.Path, $"BMI {bmi:0.0} kg/m²", $"< {policy.EdInstabilityBmiBelow} kg/m²"));
        }

        Yes(Fields.AcuteWeightDeclineWithFoodRefusal, v.AcuteWeightDeclineWithFoodRefusal);
        Below(Fields.GlucoseMgPerDl, v.GlucoseMgPerDl, Thresholds.EdGlucoseBelow, "mg/dL");
        Below(Fields.PotassiumMmolPerL, v.PotassiumMmolPerL, Thresholds.EdPotassiumBelow, "mmol/L");
        Yes(Fields.OtherElectrolyteImbalance, v.OtherElectrolyteImbalance);
        Below(Fields.TemperatureC, v.TemperatureC, Thresholds.EdTemperatureBelow, "°C");
        Yes(Fields.AcuteMedicalCompromise, v.AcuteMedicalCompromise);
        return met?.ToArray() ?? [];
    }
}
