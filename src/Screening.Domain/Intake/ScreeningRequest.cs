using System.ComponentModel.DataAnnotations;

namespace Screening.Domain.Intake;

/// <summary>
/// A screening questionnaire: the minimum intake dataset of the clinical specification (spec §10), grouped
/// as it is asked. Every answer may be left out; a missing answer is "unknown", never "no".
/// </summary>
public sealed record ScreeningRequest
{
    /// <summary>
    /// Date the answers were given (YYYY-MM-DD). Age and the age of the blood-pressure reading are computed against
    /// it. Omitted: the day of evaluation (UTC).
    /// </summary>
    [Question("On what date were these answers given?")]
    public DateOnly? CompletedOn { get; init; }

    /// <summary>Demographics, pregnancy and breastfeeding.</summary>
    [Section("Patient")]
    public PatientInfo Patient { get; init; } = new();

    /// <summary>Diagnoses (clinician-confirmed or self-reported) and the current presentation.</summary>
    [Section("Diagnoses and current presentation")]
    public DiagnosisAnswers Diagnoses { get; init; } = new();

    /// <summary>Totals and items of the standard instruments that were administered. Leave out what was not given.</summary>
    [Section("Screening instruments")]
    public InstrumentScores Instruments { get; init; } = new();

    /// <summary>
    /// Treatment history: one entry per trial of a medication or psychotherapy, for any condition. Depression trials
    /// decide treatment-resistant depression; other conditions use them for refractoriness. Left out or null: the
    /// history was not taken (unknown), so an indication that needs failed treatments cannot be decided; an empty
    /// list: the history was taken and there were none.
    /// </summary>
    [Question("Which treatments (medications, psychotherapies) has the patient had for these conditions?")]
    [NoneOption("The patient has had none of these treatments")]
    [Section("Treatment trials (one per medication or therapy)")]
    [MaxLength(IntakeLimits.MaxTreatmentTrials)]
    public IReadOnlyList<TreatmentTrial>? TreatmentTrials { get; init; }

    /// <summary>Contraindication and caution questions (spec §2.1 and §2.2).</summary>
    [Section("Contraindications and cautions")]
    public ContraindicationAnswers Contraindications { get; init; } = new();

    /// <summary>Current regular medications that matter for ketamine / esketamine.</summary>
    [Section("Current medications")]
    public CurrentMedications Medications { get; init; } = new();

    /// <summary>Vital signs and, for a suspected eating disorder, the medical-stability measurements.</summary>
    [Section("Vital signs")]
    public VitalSigns Vitals { get; init; } = new();

    /// <summary>Alcohol and drug use, including the AUDIT and DAST-10 scores.</summary>
    [Section("Alcohol and drug use")]
    public SubstanceUseAnswers SubstanceUse { get; init; } = new();

    /// <summary>Practical arrangements for treatment sessions.</summary>
    [Section("Logistics")]
    public LogisticsAnswers Logistics { get; init; } = new();
}

/// <summary>Size limits of the intake model, shared by validation and the OpenAPI document.</summary>
public static class IntakeLimits
{
    public const int MaxTreatmentTrials = 30;
    public const int MaxBloodPressureReadings = 3;
    public const int MaxTextLength = 100;
}
