namespace Screening.Domain.Intake;

/// <summary>Severity of liver disease.</summary>
public enum HepaticImpairment
{
    Unknown = 0,

    /// <summary>No known liver disease.</summary>
    None,

    /// <summary>Mild impairment (Child-Pugh A).</summary>
    Mild,

    /// <summary>Moderate impairment (Child-Pugh B).</summary>
    Moderate,

    /// <summary>Severe impairment (Child-Pugh C) or decompensated cirrhosis.</summary>
    Severe,
}

/// <summary>Contraindication and caution questions (spec §2.1, §2.2). Each is yes / no / unknown.</summary>
public sealed record ContraindicationAnswers
{
    /// <summary>Any aneurysm (brain, thoracic or abdominal aorta, peripheral arteries).</summary>
    [Question("Has the patient ever been told they have an aneurysm (a bulge or weak spot in a blood vessel) in the brain, the chest or abdominal aorta, or the arteries of the arms or legs?")]
    public Answer AneurysmalVascularDisease { get; init; }

    /// <summary>The aneurysm was repaired, clipped or coiled. Recorded; it does not remove the contraindication.</summary>
    [Question("Has the aneurysm been repaired, clipped or coiled?")]
    [AskedWhenYes(nameof(AneurysmalVascularDisease))]
    public Answer AneurysmRepaired { get; init; }

    /// <summary>Arteriovenous malformation anywhere in the body.</summary>
    [Question("Has the patient ever been told they have an arteriovenous malformation (AVM), an abnormal tangle of arteries and veins, anywhere in the body?")]
    public Answer ArteriovenousMalformation { get; init; }

    /// <summary>History of intracerebral haemorrhage.</summary>
    [Question("Has the patient ever had bleeding in or around the brain (a haemorrhagic stroke or brain bleed)?")]
    public Answer IntracerebralHemorrhageHistory { get; init; }

    /// <summary>Hypersensitivity to ketamine, esketamine or an excipient.</summary>
    [Question("Has the patient ever had an allergic reaction to ketamine (Ketalar) or esketamine (Spravato)?")]
    public Answer KetamineHypersensitivity { get; init; }

    /// <summary>Heart attack, unstable angina, stent or bypass, or a cardiac admission in the last 6 weeks.</summary>
    [Question("In the last 6 weeks has the patient had a heart attack, unstable angina, a stent or bypass procedure, or been admitted for a heart problem?")]
    public Answer CardiovascularEventPast6Weeks { get; init; }

    /// <summary>A condition in which raised intracranial pressure is a serious risk.</summary>
    [Question("Does the patient have a condition that raises pressure inside the skull (brain tumour, hydrocephalus or a brain shunt, recent serious head injury)?")]
    public Answer RaisedIntracranialPressureRisk { get; init; }

    /// <summary>Liver disease severity (Child-Pugh class).</summary>
    [Question("Has the patient been told they have cirrhosis or liver disease? If so, how severe (Child-Pugh class)?")]
    public HepaticImpairment HepaticImpairment { get; init; }

    /// <summary>Other cardiovascular or cerebrovascular disease (MI more than 6 weeks ago, angina, stent/bypass, heart failure, valve disease, arrhythmia, stroke or TIA).</summary>
    [Question("Has the patient ever had a heart attack, angina, a stent or bypass, heart failure, heart-valve disease, an irregular heartbeat, a stroke or a mini-stroke (TIA)?")]
    public Answer OtherCardiovascularOrCerebrovascularDisease { get; init; }

    /// <summary>History of hypertensive encephalopathy.</summary>
    [Question("Has the patient ever been treated for hypertensive encephalopathy (brain swelling or confusion from very high blood pressure)?")]
    public Answer HypertensiveEncephalopathyHistory { get; init; }

    /// <summary>COPD, emphysema or other lung disease that limits breathing.</summary>
    [Question("Does the patient have COPD, emphysema or another lung disease that limits their breathing?")]
    public Answer SignificantPulmonaryInsufficiency { get; init; }

    /// <summary>Diagnosed sleep apnoea (a caution together with obesity, BMI 30 or more).</summary>
    [Question("Has the patient been diagnosed with sleep apnoea?")]
    public Answer SleepApnoea { get; init; }

    /// <summary>Hyperthyroidism not adequately treated.</summary>
    [Question("Does the patient have an overactive thyroid that is not currently controlled?")]
    public Answer UncontrolledHyperthyroidism { get; init; }

    /// <summary>Untreated glaucoma, a current penetrating eye injury, planned eye surgery or raised intraocular pressure.</summary>
    [Question("Does the patient have glaucoma that is not being treated, raised eye pressure, a current eye injury, or planned eye surgery?")]
    public Answer GlaucomaOrEyeRisk { get; init; }

    /// <summary>Ulcerative or interstitial cystitis, or current lower urinary tract symptoms.</summary>
    [Question("Does the patient have interstitial cystitis or bladder pain, or pain or blood when passing urine?")]
    public Answer CystitisOrUrinarySymptoms { get; init; }
}
