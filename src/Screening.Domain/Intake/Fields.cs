namespace Screening.Domain.Intake;

/// <summary>
/// Handles on the intake fields the rules read, so that evidence and missing-information entries name the field by
/// its request path and ask its own question. Paths and questions come from the model; nothing is typed twice.
/// </summary>
public static class Fields
{
    public static readonly IntakeField DateOfBirth = IntakeField.Of(r => r.Patient.DateOfBirth);
    public static readonly IntakeField SexAtBirth = IntakeField.Of(r => r.Patient.SexAtBirth);
    public static readonly IntakeField AbleToBecomePregnant = IntakeField.Of(r => r.Patient.AbleToBecomePregnant);
    public static readonly IntakeField Pregnant = IntakeField.Of(r => r.Patient.Pregnant);
    public static readonly IntakeField Breastfeeding = IntakeField.Of(r => r.Patient.Breastfeeding);

    public static readonly IntakeField MajorDepressiveDisorder = IntakeField.Of(r => r.Diagnoses.MajorDepressiveDisorder);
    public static readonly IntakeField CurrentMajorDepressiveEpisode = IntakeField.Of(r => r.Diagnoses.CurrentMajorDepressiveEpisode);
    public static readonly IntakeField BipolarDisorder = IntakeField.Of(r => r.Diagnoses.BipolarDisorder);
    public static readonly IntakeField PsychoticDisorderHistory = IntakeField.Of(r => r.Diagnoses.PsychoticDisorderHistory);
    public static readonly IntakeField CurrentPsychoticSymptoms = IntakeField.Of(r => r.Diagnoses.CurrentPsychoticSymptoms);
    public static readonly IntakeField CommandHallucinationsToHarm = IntakeField.Of(r => r.Diagnoses.CommandHallucinationsToHarm);
    public static readonly IntakeField HomicidalIdeation = IntakeField.Of(r => r.Diagnoses.HomicidalIdeation);
    public static readonly IntakeField CurrentMoodElevationSymptoms = IntakeField.Of(r => r.Diagnoses.CurrentMoodElevationSymptoms);
    public static readonly IntakeField AnxietyDisorder = IntakeField.Of(r => r.Diagnoses.AnxietyDisorder);
    public static readonly IntakeField Ptsd = IntakeField.Of(r => r.Diagnoses.Ptsd);
    public static readonly IntakeField Ocd = IntakeField.Of(r => r.Diagnoses.Ocd);
    public static readonly IntakeField EatingDisorder = IntakeField.Of(r => r.Diagnoses.EatingDisorder);
    public static readonly IntakeField Crps = IntakeField.Of(r => r.Diagnoses.Crps);
    public static readonly IntakeField Fibromyalgia = IntakeField.Of(r => r.Diagnoses.Fibromyalgia);
    public static readonly IntakeField NeuropathicPain = IntakeField.Of(r => r.Diagnoses.NeuropathicPain);

    public static readonly IntakeField Phq9Total = IntakeField.Of(r => r.Instruments.Phq9.Total);
    public static readonly IntakeField Phq9Item9 = IntakeField.Of(r => r.Instruments.Phq9.Item9);
    public static readonly IntakeField Gad7Total = IntakeField.Of(r => r.Instruments.Gad7Total);
    public static readonly IntakeField Pcl5Total = IntakeField.Of(r => r.Instruments.Pcl5Total);
    public static readonly IntakeField YbocsTotal = IntakeField.Of(r => r.Instruments.YbocsTotal);
    public static readonly IntakeField YmrsTotal = IntakeField.Of(r => r.Instruments.YmrsTotal);
    public static readonly IntakeField MdqPart1YesCount = IntakeField.Of(r => r.Instruments.Mdq.Part1YesCount);
    public static readonly IntakeField MdqPart2SamePeriod = IntakeField.Of(r => r.Instruments.Mdq.Part2SamePeriod);
    public static readonly IntakeField MdqPart3ProblemLevel = IntakeField.Of(r => r.Instruments.Mdq.Part3ProblemLevel);
    public static readonly IntakeField Cssrs = IntakeField.Group(r => r.Instruments.Cssrs, "C-SSRS screener");
    public static readonly IntakeField CssrsWishToBeDead = IntakeField.Of(r => r.Instruments.Cssrs.WishToBeDead);
    public static readonly IntakeField CssrsSuicidalThoughts = IntakeField.Of(r => r.Instruments.Cssrs.SuicidalThoughts);
    public static readonly IntakeField CssrsThoughtsWithMethod = IntakeField.Of(r => r.Instruments.Cssrs.ThoughtsWithMethod);
    public static readonly IntakeField CssrsIntentWithoutPlan = IntakeField.Of(r => r.Instruments.Cssrs.IntentWithoutPlan);
    public static readonly IntakeField CssrsIntentWithPlan = IntakeField.Of(r => r.Instruments.Cssrs.IntentWithPlan);
    public static readonly IntakeField CssrsBehaviorLifetime = IntakeField.Of(r => r.Instruments.Cssrs.SuicidalBehaviorLifetime);
    public static readonly IntakeField CssrsBehaviorPast3Months = IntakeField.Of(r => r.Instruments.Cssrs.SuicidalBehaviorPast3Months);
    public static readonly IntakeField ScoffTotal = IntakeField.Of(r => r.Instruments.ScoffTotal);
    public static readonly IntakeField EdeqGlobal = IntakeField.Of(r => r.Instruments.EdeqGlobal);
    public static readonly IntakeField PainNrsAverage = IntakeField.Of(r => r.Instruments.PainNrsAverage);
    public static readonly IntakeField PainDurationMonths = IntakeField.Of(r => r.Instruments.PainDurationMonths);
    public static readonly IntakeField BudapestContinuingPain = IntakeField.Of(r => r.Instruments.Budapest.ContinuingDisproportionatePain);
    public static readonly IntakeField BudapestSymptomCategories = IntakeField.Of(r => r.Instruments.Budapest.SymptomCategories);
    public static readonly IntakeField BudapestSignCategories = IntakeField.Of(r => r.Instruments.Budapest.SignCategories);
    public static readonly IntakeField BudapestNoBetterExplanation = IntakeField.Of(r => r.Instruments.Budapest.NoBetterExplanation);
    public static readonly IntakeField AcrWidespreadPainIndex = IntakeField.Of(r => r.Instruments.Acr2016.WidespreadPainIndex);
    public static readonly IntakeField AcrSymptomSeverity = IntakeField.Of(r => r.Instruments.Acr2016.SymptomSeverity);
    public static readonly IntakeField AcrPainRegions = IntakeField.Of(r => r.Instruments.Acr2016.PainRegions);
    public static readonly IntakeField Dn4Total = IntakeField.Of(r => r.Instruments.Dn4Total);
    public static readonly IntakeField LanssTotal = IntakeField.Of(r => r.Instruments.LanssTotal);

    public static readonly IntakeField AneurysmalVascularDisease = IntakeField.Of(r => r.Contraindications.AneurysmalVascularDisease);
    public static readonly IntakeField AneurysmRepaired = IntakeField.Of(r => r.Contraindications.AneurysmRepaired);
    public static readonly IntakeField ArteriovenousMalformation = IntakeField.Of(r => r.Contraindications.ArteriovenousMalformation);
    public static readonly IntakeField IntracerebralHemorrhageHistory = IntakeField.Of(r => r.Contraindications.IntracerebralHemorrhageHistory);
    public static readonly IntakeField KetamineHypersensitivity = IntakeField.Of(r => r.Contraindications.KetamineHypersensitivity);
    public static readonly IntakeField CardiovascularEventPast6Weeks = IntakeField.Of(r => r.Contraindications.CardiovascularEventPast6Weeks);
    public static readonly IntakeField RaisedIntracranialPressureRisk = IntakeField.Of(r => r.Contraindications.RaisedIntracranialPressureRisk);
    public static readonly IntakeField HepaticImpairment = IntakeField.Of(r => r.Contraindications.HepaticImpairment);
    public static readonly IntakeField OtherCardiovascularDisease = IntakeField.Of(r => r.Contraindications.OtherCardiovascularOrCerebrovascularDisease);
    public static readonly IntakeField HypertensiveEncephalopathyHistory = IntakeField.Of(r => r.Contraindications.HypertensiveEncephalopathyHistory);
    public static readonly IntakeField SignificantPulmonaryInsufficiency = IntakeField.Of(r => r.Contraindications.SignificantPulmonaryInsufficiency);
    public static readonly IntakeField SleepApnoea = IntakeField.Of(r => r.Contraindications.SleepApnoea);
    public static readonly IntakeField UncontrolledHyperthyroidism = IntakeField.Of(r => r.Contraindications.UncontrolledHyperthyroidism);
    public static readonly IntakeField GlaucomaOrEyeRisk = IntakeField.Of(r => r.Contraindications.GlaucomaOrEyeRisk);
    public static readonly IntakeField CystitisOrUrinarySymptoms = IntakeField.Of(r => r.Contraindications.CystitisOrUrinarySymptoms);

    public static readonly IntakeField MoodStabilizer = IntakeField.Of(r => r.Medications.MoodStabilizer);
    public static readonly IntakeField BenzodiazepinesOrSedatives = IntakeField.Of(r => r.Medications.BenzodiazepinesOrSedatives);
    public static readonly IntakeField Opioids = IntakeField.Of(r => r.Medications.Opioids);
    public static readonly IntakeField Psychostimulants = IntakeField.Of(r => r.Medications.Psychostimulants);
    public static readonly IntakeField Maoi = IntakeField.Of(r => r.Medications.Maoi);

    public static readonly IntakeField SystolicMmHg = IntakeField.Of(r => r.Vitals.SystolicMmHg);
    public static readonly IntakeField DiastolicMmHg = IntakeField.Of(r => r.Vitals.DiastolicMmHg);
    public static readonly IntakeField BloodPressureReadings = IntakeField.Of(r => r.Vitals.BloodPressureReadings);
    public static readonly IntakeField BloodPressureMeasuredOn = IntakeField.Of(r => r.Vitals.BloodPressureMeasuredOn);
    public static readonly IntakeField HypertensiveCrisisSymptoms = IntakeField.Of(r => r.Vitals.HypertensiveCrisisSymptoms);
    public static readonly IntakeField HeartRateBpm = IntakeField.Of(r => r.Vitals.HeartRateBpm);
    public static readonly IntakeField HeightCm = IntakeField.Of(r => r.Vitals.HeightCm);
    public static readonly IntakeField WeightKg = IntakeField.Of(r => r.Vitals.WeightKg);
    public static readonly IntakeField Bmi = IntakeField.Computed("Height and weight (for the BMI)", HeightCm, WeightKg);
    public static readonly IntakeField AcuteWeightDeclineWithFoodRefusal = IntakeField.Of(r => r.Vitals.AcuteWeightDeclineWithFoodRefusal);
    public static readonly IntakeField TemperatureC = IntakeField.Of(r => r.Vitals.TemperatureC);
    public static readonly IntakeField OrthostaticChange = IntakeField.Of(r => r.Vitals.OrthostaticChange);
    public static readonly IntakeField PotassiumMmolPerL = IntakeField.Of(r => r.Vitals.PotassiumMmolPerL);
    public static readonly IntakeField GlucoseMgPerDl = IntakeField.Of(r => r.Vitals.GlucoseMgPerDl);
    public static readonly IntakeField OtherElectrolyteImbalance = IntakeField.Of(r => r.Vitals.OtherElectrolyteImbalance);
    public static readonly IntakeField AcuteMedicalCompromise = IntakeField.Of(r => r.Vitals.AcuteMedicalCompromise);

    public static readonly IntakeField SubstanceUseDisorderHistory = IntakeField.Of(r => r.SubstanceUse.SubstanceUseDisorderHistory);
    public static readonly IntakeField NonMedicalDissociativeUse = IntakeField.Of(r => r.SubstanceUse.NonMedicalDissociativeUsePast12Months);
    public static readonly IntakeField HeavyAlcoholUse = IntakeField.Of(r => r.SubstanceUse.HeavyAlcoholUse);
    public static readonly IntakeField IntoxicatedOrWithdrawingNow = IntakeField.Of(r => r.SubstanceUse.IntoxicatedOrWithdrawingNow);
    public static readonly IntakeField AuditTotal = IntakeField.Of(r => r.SubstanceUse.AuditTotal);
    public static readonly IntakeField AuditCTotal = IntakeField.Of(r => r.SubstanceUse.AuditCTotal);
    public static readonly IntakeField Dast10Total = IntakeField.Of(r => r.SubstanceUse.Dast10Total);

    public static readonly IntakeField TransportHomeArranged = IntakeField.Of(r => r.Logistics.TransportHomeArranged);

    public static readonly IntakeField TreatmentTrials = IntakeField.Of(r => r.TreatmentTrials);

    /// <summary>Fields of a treatment trial, placed at an index with <see cref="TrialField.At"/>.</summary>
    public static class Trial
    {
        public static readonly TrialField Drug = IntakeField.OfTrial(t => t.Drug);
        public static readonly TrialField DoseAdequate = IntakeField.OfTrial(t => t.DoseAdequate);
        public static readonly TrialField WeeksAtDose = IntakeField.OfTrial(t => t.WeeksAtDose);
        public static readonly TrialField ImprovementPercent = IntakeField.OfTrial(t => t.ImprovementPercent);
        public static readonly TrialField ImprovementCategory = IntakeField.OfTrial(t => t.ImprovementCategory);
        public static readonly TrialField ReasonStopped = IntakeField.OfTrial(t => t.ReasonStopped);
        public static readonly TrialField CurrentEpisode = IntakeField.OfTrial(t => t.CurrentEpisode);
    }
}
