using System.ComponentModel.DataAnnotations;

namespace Screening.Domain.Intake;

/// <summary>
/// Vital signs (spec §7) and, for a suspected eating disorder, the medical-stability measurements (§6.3).
/// </summary>
public sealed record VitalSigns
{
    /// <summary>Most recent seated systolic blood pressure, mmHg.</summary>
    [Question("Most recent seated systolic blood pressure (mmHg)")]
    [Unit("mm[Hg]", "mmHg")]
    [Range(50, 300)]
    [Loinc("8480-6", "Systolic blood pressure", LoincSources.VitalSigns)]
    public int? SystolicMmHg { get; init; }

    /// <summary>Most recent seated diastolic blood pressure, mmHg.</summary>
    [Question("Most recent seated diastolic blood pressure (mmHg)")]
    [Unit("mm[Hg]", "mmHg")]
    [Range(20, 200)]
    [Loinc("8462-4", "Diastolic blood pressure", LoincSources.VitalSigns)]
    public int? DiastolicMmHg { get; init; }

    /// <summary>
    /// Up to three seated readings of the same day, instead of the single reading above: the policy's
    /// <c>bloodPressureReadingsRule</c> combines them (the mean by default, or the highest), and the result shows each
    /// reading and the value used.
    /// </summary>
    [Question("Seated blood-pressure readings taken on the same day (up to three)")]
    [Section("Blood-pressure readings of the same day (up to three), instead of the single reading")]
    [MaxLength(IntakeLimits.MaxBloodPressureReadings)]
    public IReadOnlyList<BloodPressureReading>? BloodPressureReadings { get; init; }

    /// <summary>Date of the blood-pressure reading (YYYY-MM-DD). Omitted: measured at this intake (<c>completedOn</c>). Older than the policy's limit (30 days): treated as missing.</summary>
    [Question("On what date was the blood pressure measured?")]
    public DateOnly? BloodPressureMeasuredOn { get; init; }

    /// <summary>Symptoms of hypertensive crisis or encephalopathy now: chest pain, shortness of breath, sudden severe headache, visual disturbance, seizure, reduced consciousness, focal neurological deficit.</summary>
    [Question("Right now, does the patient have chest pain, shortness of breath, a sudden severe headache, changes in vision, a seizure, reduced consciousness, or new weakness or numbness?")]
    public Answer HypertensiveCrisisSymptoms { get; init; }

    /// <summary>Resting heart rate, beats per minute.</summary>
    [Question("Resting heart rate (beats per minute)")]
    [Unit("/min", "beats/min")]
    [Range(20, 250)]
    [Loinc("8867-4", "Heart rate", LoincSources.VitalSigns)]
    public int? HeartRateBpm { get; init; }

    /// <summary>Height in centimetres (for the BMI).</summary>
    [Question("Height (cm)")]
    [Unit("cm", "cm")]
    [Range(50.0, 250.0)]
    [Loinc("8302-2", "Body height", LoincSources.VitalSigns)]
    public decimal? HeightCm { get; init; }

    /// <summary>Weight in kilograms (for the BMI).</summary>
    [Question("Weight (kg)")]
    [Unit("kg", "kg")]
    [Range(10.0, 400.0)]
    [Loinc("29463-7", "Body weight", LoincSources.VitalSigns)]
    public decimal? WeightKg { get; init; }

    /// <summary>Body temperature, °C.</summary>
    [Question("Body temperature (°C)")]
    [Unit("Cel", "°C")]
    [Range(25.0, 45.0)]
    [Loinc("8310-5", "Body temperature", LoincSources.VitalSigns)]
    public decimal? TemperatureC { get; init; }

    /// <summary>Orthostatic change: pulse rises by more than 20 bpm or blood pressure drops by more than 10-20 mmHg on standing.</summary>
    [Question("On standing, does the pulse rise by more than 20 bpm or the blood pressure drop by more than 10-20 mmHg?")]
    public Answer OrthostaticChange { get; init; }

    /// <summary>Serum potassium, mmol/L (equal to mEq/L).</summary>
    [Question("Serum potassium (mmol/L)")]
    [Unit("mmol/L", "mmol/L")]
    [Range(1.0, 10.0)]
    public decimal? PotassiumMmolPerL { get; init; }

    /// <summary>Blood glucose, mg/dL.</summary>
    [Question("Blood glucose (mg/dL)")]
    [Unit("mg/dL", "mg/dL")]
    [Range(10, 1000)]
    public int? GlucoseMgPerDl { get; init; }

    /// <summary>Another electrolyte imbalance (e.g. low phosphate, magnesium or sodium).</summary>
    [Question("Is there any other electrolyte imbalance (for example low phosphate, magnesium or sodium)?")]
    public Answer OtherElectrolyteImbalance { get; init; }

    /// <summary>For a suspected eating disorder: acute weight decline together with food refusal (an instability criterion).</summary>
    [Question("Has there been an acute decline in weight together with refusal of food?")]
    public Answer AcuteWeightDeclineWithFoodRefusal { get; init; }

    /// <summary>Syncope, dehydration, or hepatic, renal or cardiovascular compromise requiring acute treatment.</summary>
    [Question("Has there been fainting, dehydration, or liver, kidney or heart problems needing acute treatment?")]
    public Answer AcuteMedicalCompromise { get; init; }
}

/// <summary>One seated blood-pressure reading of a series taken the same day.</summary>
public sealed record BloodPressureReading
{
    /// <summary>Seated systolic blood pressure, mmHg.</summary>
    [Question("Systolic blood pressure of this reading (mmHg)")]
    [Unit("mm[Hg]", "mmHg")]
    [Range(50, 300)]
    [Loinc("8480-6", "Systolic blood pressure", LoincSources.VitalSigns)]
    public required int SystolicMmHg { get; init; }

    /// <summary>Seated diastolic blood pressure, mmHg.</summary>
    [Question("Diastolic blood pressure of this reading (mmHg)")]
    [Unit("mm[Hg]", "mmHg")]
    [Range(20, 200)]
    [Loinc("8462-4", "Diastolic blood pressure", LoincSources.VitalSigns)]
    public required int DiastolicMmHg { get; init; }
}
