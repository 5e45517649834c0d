namespace Screening.Rules.Tests.Fixtures;

/// <summary>Changes one group of a questionnaire, so a test reads as the one answer it is about.</summary>
public static class IntakeChanges
{
    public static ScreeningRequest WithPatient(this ScreeningRequest r, Func<PatientInfo, PatientInfo> change) => r with { Patient = change(r.Patient) };

    public static ScreeningRequest WithDiagnoses(this ScreeningRequest r, Func<DiagnosisAnswers, DiagnosisAnswers> change) => r with { Diagnoses = change(r.Diagnoses) };

    public static ScreeningRequest WithInstruments(this ScreeningRequest r, Func<InstrumentScores, InstrumentScores> change) => r with { Instruments = change(r.Instruments) };

    public static ScreeningRequest WithCssrs(this ScreeningRequest r, CssrsScreener cssrs) => r with { Instruments = r.Instruments with { Cssrs = cssrs } };

    public static ScreeningRequest WithPhq9(this ScreeningRequest r, int? total, int? item9 = 0) =>
        r with { Instruments = r.Instruments with { Phq9 = new Phq9Scores { Total = total, Item9 = item9 } } };

    public static ScreeningRequest WithContraindications(this ScreeningRequest r, Func<ContraindicationAnswers, ContraindicationAnswers> change) => r with { Contraindications = change(r.Contraindications) };

    public static ScreeningRequest WithMedications(this ScreeningRequest r, Func<CurrentMedications, CurrentMedications> change) => r with { Medications = change(r.Medications) };

    public static ScreeningRequest WithVitals(this ScreeningRequest r, Func<VitalSigns, VitalSigns> change) => r with { Vitals = change(r.Vitals) };

    public static ScreeningRequest WithBloodPressure(this ScreeningRequest r, int? systolic, int? diastolic) =>
        r with { Vitals = r.Vitals with { SystolicMmHg = systolic, DiastolicMmHg = diastolic } };

    /// <summary>Up to three readings of the same day instead of the single reading.</summary>
    public static ScreeningRequest WithReadings(this ScreeningRequest r, params (int Systolic, int Diastolic)[] readings) =>
        r with { Vitals = r.Vitals with { SystolicMmHg = null, DiastolicMmHg = null, BloodPressureReadings = readings.Select(x => new BloodPressureReading { SystolicMmHg = x.Systolic, DiastolicMmHg = x.Diastolic }).ToArray() } };

    public static ScreeningRequest WithSubstanceUse(this ScreeningRequest r, Func<SubstanceUseAnswers, SubstanceUseAnswers> change) => r with { SubstanceUse = change(r.SubstanceUse) };

    public static ScreeningRequest WithTrials(this ScreeningRequest r, params TreatmentTrial[] trials) => r with { TreatmentTrials = trials };

    public static ScreeningRequest AgedYears(this ScreeningRequest r, int years) => r.WithPatient(p => p with { DateOfBirth = Intakes.BornYearsAgo(years) });

    /// <summary>A body-mass index from a 2 m height: weight = BMI × 4.</summary>
    public static ScreeningRequest WithBmi(this ScreeningRequest r, decimal bmi) => r.WithVitals(v => v with { HeightCm = 200, WeightKg = bmi * 4 });

    public static CssrsScreener AllNo() => new()
    {
        WishToBeDead = Answer.No,
        SuicidalThoughts = Answer.No,
        SuicidalBehaviorLifetime = Answer.No,
    };
}
