using System.ComponentModel.DataAnnotations;

namespace Screening.Domain.Intake;

/// <summary>Alcohol and drug use (spec §5).</summary>
public sealed record SubstanceUseAnswers
{
    /// <summary>A history of substance use disorder, including alcohol.</summary>
    [Question("Has the patient ever had a problem with alcohol or drug use (a substance use disorder)?")]
    public Answer SubstanceUseDisorderHistory { get; init; }

    /// <summary>Non-medical use of ketamine, PCP or another dissociative in the past 12 months.</summary>
    [Question("In the past 12 months has the patient used ketamine, PCP or other dissociatives other than as prescribed?")]
    public Answer NonMedicalDissociativeUsePast12Months { get; init; }

    /// <summary>Regular heavy drinking (a CNS depressant).</summary>
    [Question("Does the patient regularly drink heavily?")]
    public Answer HeavyAlcoholUse { get; init; }

    /// <summary>Intoxicated or in withdrawal at the time of screening.</summary>
    [Question("Is the patient intoxicated or in withdrawal right now?")]
    public Answer IntoxicatedOrWithdrawingNow { get; init; }

    /// <summary>AUDIT total, 0-40. 8 or more: hazardous drinking.</summary>
    [Question("AUDIT total score")]
    [Range(0, 40)]
    public int? AuditTotal { get; init; }

    /// <summary>AUDIT-C total, 0-12. 4 or more (men) or 3 or more (women): positive.</summary>
    [Question("AUDIT-C total score")]
    [Range(0, 12)]
    public int? AuditCTotal { get; init; }

    /// <summary>DAST-10 total, 0-10. 3 or more: moderate drug problems or worse.</summary>
    [Question("DAST-10 total score")]
    [Range(0, 10)]
    public int? Dast10Total { get; init; }
}
