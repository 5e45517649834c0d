namespace Screening.Domain.Intake;

/// <summary>Current regular medications that interact with ketamine / esketamine or that bipolar treatment requires.</summary>
public sealed record CurrentMedications
{
    /// <summary>Lithium, valproate or an antimanic antipsychotic (asked for bipolar disorder).</summary>
    [Question("Does the patient currently take lithium, valproate or an antimanic antipsychotic as a mood stabiliser?")]
    public Answer MoodStabilizer { get; init; }

    /// <summary>Regular benzodiazepines, sleeping pills or other sedatives.</summary>
    [Question("Does the patient regularly take sleeping pills or anxiety pills (for example diazepam, clonazepam) or other sedatives?")]
    public Answer BenzodiazepinesOrSedatives { get; init; }

    /// <summary>Regular opioid pain medicines.</summary>
    [Question("Does the patient regularly take opioid pain medicines?")]
    public Answer Opioids { get; init; }

    /// <summary>Psychostimulants: amphetamines, methylphenidate, modafinil or armodafinil.</summary>
    [Question("Does the patient take stimulants such as amphetamines, methylphenidate, modafinil or armodafinil?")]
    public Answer Psychostimulants { get; init; }

    /// <summary>Monoamine oxidase inhibitors: phenelzine, tranylcypromine, isocarboxazid or selegiline.</summary>
    [Question("Does the patient take an MAO inhibitor such as phenelzine, tranylcypromine, isocarboxazid or selegiline?")]
    public Answer Maoi { get; init; }
}
