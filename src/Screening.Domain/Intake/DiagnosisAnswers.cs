namespace Screening.Domain.Intake;

/// <summary>
/// Diagnoses (clinician-confirmed or self-reported) and the current presentation. A diagnosis answered "yes" opens
/// the evaluation of its indication (spec §4, entry triggers).
/// </summary>
public sealed record DiagnosisAnswers
{
    /// <summary>Major depressive disorder (unipolar).</summary>
    [Question("Has the patient been diagnosed with major depressive disorder?")]
    public Answer MajorDepressiveDisorder { get; init; }

    /// <summary>A major depressive episode now (unipolar or bipolar).</summary>
    [Question("Is the patient currently in a major depressive episode?")]
    public Answer CurrentMajorDepressiveEpisode { get; init; }

    /// <summary>Start of the current depressive episode (YYYY-MM-DD). Recorded for the clinician; rules do not read it.</summary>
    [Question("When did the current depressive episode start?")]
    public DateOnly? CurrentEpisodeStartDate { get; init; }

    /// <summary>Bipolar I or II disorder. A "yes" moves depression to the bipolar-depression indication.</summary>
    [Question("Has the patient been diagnosed with bipolar I or bipolar II disorder?")]
    public Answer BipolarDisorder { get; init; }

    /// <summary>A past psychotic disorder or psychotic episode (not current symptoms).</summary>
    [Question("Has the patient ever had a psychotic disorder or a psychotic episode?")]
    public Answer PsychoticDisorderHistory { get; init; }

    /// <summary>Psychotic symptoms now: hallucinations, delusions, MDD with psychotic features or active schizophrenia-spectrum illness.</summary>
    [Question("In the past month has the patient heard or seen things others could not, or held beliefs others told them were not true?")]
    public Answer CurrentPsychoticSymptoms { get; init; }

    /// <summary>Current psychosis with command hallucinations to harm self or others.</summary>
    [Question("Is the patient hearing voices that tell them to harm themselves or someone else?")]
    public Answer CommandHallucinationsToHarm { get; init; }

    /// <summary>Current thoughts of killing or seriously harming another person.</summary>
    [Question("Is the patient having thoughts of killing or seriously harming another person?")]
    public Answer HomicidalIdeation { get; init; }

    /// <summary>Days of elevated or irritable mood in the past 2 weeks, or clinician-documented current (hypo)mania.</summary>
    [Question("In the past 2 weeks, has the patient had days of unusually high or irritable mood with much less need for sleep, racing thoughts or risky behaviour?")]
    public Answer CurrentMoodElevationSymptoms { get; init; }

    /// <summary>Generalised anxiety disorder, social anxiety disorder or panic disorder.</summary>
    [Question("Has the patient been diagnosed with generalised anxiety, social anxiety or panic disorder?")]
    public Answer AnxietyDisorder { get; init; }

    /// <summary>Clinician-confirmed post-traumatic stress disorder (e.g. by CAPS-5).</summary>
    [Question("Has a clinician diagnosed post-traumatic stress disorder (for example with the CAPS-5)?")]
    public Answer Ptsd { get; init; }

    /// <summary>Clinician-confirmed obsessive-compulsive disorder.</summary>
    [Question("Has a clinician diagnosed obsessive-compulsive disorder?")]
    public Answer Ocd { get; init; }

    /// <summary>Clinician-diagnosed anorexia nervosa, bulimia nervosa or binge-eating disorder.</summary>
    [Question("Has a clinician diagnosed anorexia nervosa, bulimia nervosa or binge-eating disorder?")]
    public Answer EatingDisorder { get; init; }

    /// <summary>Complex regional pain syndrome diagnosed by a clinician (by the Budapest criteria). A "yes" establishes the CRPS criterion; without it the Budapest items in the intake decide.</summary>
    [Question("Has a clinician diagnosed complex regional pain syndrome (CRPS) by the Budapest criteria?")]
    public Answer Crps { get; init; }

    /// <summary>Fibromyalgia, as diagnosed or suspected by a clinician.</summary>
    [Question("Has a clinician diagnosed or suspected fibromyalgia?")]
    public Answer Fibromyalgia { get; init; }

    /// <summary>Clinician-diagnosed neuropathic pain.</summary>
    [Question("Has a clinician diagnosed neuropathic pain?")]
    public Answer NeuropathicPain { get; init; }
}
