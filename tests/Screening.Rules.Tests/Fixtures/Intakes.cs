namespace Screening.Rules.Tests.Fixtures;

/// <summary>
/// Complete questionnaires to start rule tests from. <see cref="Refer"/> answers every question of a patient with
/// treatment-resistant depression and nothing else; tests change the one answer they are about with <c>with</c>.
/// </summary>
public static class Intakes
{
    public static readonly DateOnly CompletedOn = new(2026, 11, 1);

    /// <summary>A date of birth that makes the patient exactly <paramref name="years"/> old on <see cref="CompletedOn"/>.</summary>
    public static DateOnly BornYearsAgo(int years) => CompletedOn.AddYears(-years);

    public static TreatmentTrial FailedAntidepressant(string drug) => new()
    {
        Condition = TrialCondition.Depression,
        Kind = TrialKind.Medication,
        Drug = drug,
        MaxDailyDoseMg = 150,
        DoseAdequate = Answer.Yes,
        WeeksAtDose = 8,
        ImprovementPercent = 20,
        ReasonStopped = StopReason.LackOfEfficacy,
        CurrentEpisode = Answer.Yes,
    };

    public static ScreeningRequest Refer() => new()
    {
        CompletedOn = CompletedOn,
        Patient = new PatientInfo
        {
            DateOfBirth = BornYearsAgo(46),
            SexAtBirth = SexAtBirth.Female,
            AbleToBecomePregnant = Answer.No,
            Pregnant = Answer.No,
            Breastfeeding = Answer.No,
        },
        Diagnoses = new DiagnosisAnswers
        {
            MajorDepressiveDisorder = Answer.Yes,
            CurrentMajorDepressiveEpisode = Answer.Yes,
            BipolarDisorder = Answer.No,
            PsychoticDisorderHistory = Answer.No,
            CurrentPsychoticSymptoms = Answer.No,
            CommandHallucinationsToHarm = Answer.No,
            HomicidalIdeation = Answer.No,
            CurrentMoodElevationSymptoms = Answer.No,
            AnxietyDisorder = Answer.No,
            Ptsd = Answer.No,
            Ocd = Answer.No,
            EatingDisorder = Answer.No,
            Crps = Answer.No,
            Fibromyalgia = Answer.No,
            NeuropathicPain = Answer.No,
        },
        Instruments = new InstrumentScores
        {
            Phq9 = new Phq9Scores { Total = 19, Item9 = 0 },
            Cssrs = new CssrsScreener
            {
                WishToBeDead = Answer.No,
                SuicidalThoughts = Answer.No,
                SuicidalBehaviorLifetime = Answer.No,
            },
            Mdq = new MdqAnswers { Part1YesCount = 2, Part2SamePeriod = Answer.No, Part3ProblemLevel = MdqProblemLevel.NoProblem },
        },
        TreatmentTrials = [FailedAntidepressant("sertraline"), FailedAntidepressant("venlafaxine")],
        Contraindications = new ContraindicationAnswers
        {
            AneurysmalVascularDisease = Answer.No,
            ArteriovenousMalformation = Answer.No,
            IntracerebralHemorrhageHistory = Answer.No,
            KetamineHypersensitivity = Answer.No,
            CardiovascularEventPast6Weeks = Answer.No,
            RaisedIntracranialPressureRisk = Answer.No,
            HepaticImpairment = HepaticImpairment.None,
            OtherCardiovascularOrCerebrovascularDisease = Answer.No,
            HypertensiveEncephalopathyHistory = Answer.No,
            SignificantPulmonaryInsufficiency = Answer.No,
            SleepApnoea = Answer.No,
            UncontrolledHyperthyroidism = Answer.No,
            GlaucomaOrEyeRisk = Answer.No,
            CystitisOrUrinarySymptoms = Answer.No,
        },
        Medications = new CurrentMedications
        {
            MoodStabilizer = Answer.No,
            BenzodiazepinesOrSedatives = Answer.No,
            Opioids = Answer.No,
            Psychostimulants = Answer.No,
            Maoi = Answer.No,
        },
        Vitals = new VitalSigns
        {
            SystolicMmHg = 128,
            DiastolicMmHg = 82,
            HypertensiveCrisisSymptoms = Answer.No,
            HeartRateBpm = 72,
            HeightCm = 168,
            WeightKg = 70,
            AcuteWeightDeclineWithFoodRefusal = Answer.No,
            OrthostaticChange = Answer.No,
            TemperatureC = 36.8m,
            PotassiumMmolPerL = 4.1m,
            GlucoseMgPerDl = 90,
            OtherElectrolyteImbalance = Answer.No,
            AcuteMedicalCompromise = Answer.No,
        },
        SubstanceUse = new SubstanceUseAnswers
        {
            SubstanceUseDisorderHistory = Answer.No,
            NonMedicalDissociativeUsePast12Months = Answer.No,
            HeavyAlcoholUse = Answer.No,
            IntoxicatedOrWithdrawingNow = Answer.No,
            AuditTotal = 3,
            Dast10Total = 0,
        },
        Logistics = new LogisticsAnswers { TransportHomeArranged = Answer.Yes },
    };
}
