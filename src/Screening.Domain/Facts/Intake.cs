using Screening.Domain.Intake;
using Screening.Domain.Policy;

namespace Screening.Domain.Facts;

/// <summary>
/// The questionnaire as the rules see it: one coarse fact holding every answer group, the computed measures and the
/// policy in force. One fact, rather than one per group, lets a rule test answers from several groups in a single
/// pattern (filtered before any join), which keeps an evaluation cheap.
/// </summary>
public sealed class Intake
{
    private Intake(ScreeningRequest request, ClinicalMeasures measures, ScreeningPolicy policy)
    {
        Request = request;
        Measures = measures;
        Policy = policy;
    }

    public ScreeningRequest Request { get; }
    public ClinicalMeasures Measures { get; }
    public ScreeningPolicy Policy { get; }

    public PatientInfo Patient => Request.Patient;
    public DiagnosisAnswers Diagnoses => Request.Diagnoses;
    public InstrumentScores Instruments => Request.Instruments;
    /// <summary>The treatment history; null when it was not taken (unknown), empty when there were none.</summary>
    public IReadOnlyList<TreatmentTrial>? TreatmentTrials => Request.TreatmentTrials;
    public ContraindicationAnswers Contraindications => Request.Contraindications;
    public CurrentMedications Medications => Request.Medications;
    public VitalSigns Vitals => Request.Vitals;
    public SubstanceUseAnswers SubstanceUse => Request.SubstanceUse;
    public LogisticsAnswers Logistics => Request.Logistics;

    /// <summary>The fact for <paramref name="request"/>; <paramref name="today"/> dates answers that carry no date of their own.</summary>
    public static Intake From(ScreeningRequest request, ScreeningPolicy policy, DateOnly today) =>
        new(request, ClinicalMeasures.From(request, policy, today), policy);
}
