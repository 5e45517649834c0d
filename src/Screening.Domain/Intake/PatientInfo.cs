namespace Screening.Domain.Intake;

/// <summary>Sex recorded at birth.</summary>
public enum SexAtBirth
{
    Unknown = 0,
    Female,
    Male,
    Intersex,
}

/// <summary>Demographics, pregnancy and breastfeeding.</summary>
public sealed record PatientInfo
{
    /// <summary>Date of birth (YYYY-MM-DD). Needed for the age limits (under 18, 18-24, 65 and over).</summary>
    [Question("What is the patient's date of birth?")]
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Sex recorded at birth. Used for the sex-specific AUDIT-C cut-off.</summary>
    [Question("What sex was the patient assigned at birth?")]
    public SexAtBirth SexAtBirth { get; init; }

    /// <summary>Whether the patient could become pregnant. Pregnancy is asked only when this is "yes".</summary>
    [Question("Is the patient able to become pregnant?")]
    public Answer AbleToBecomePregnant { get; init; }

    /// <summary>Current pregnancy. "Unsure" is sent as unknown: a pregnancy test is then needed.</summary>
    [Question("Is the patient pregnant, or is there any chance of pregnancy?")]
    [AskedWhenYes(nameof(AbleToBecomePregnant))]
    public Answer Pregnant { get; init; }

    /// <summary>Currently breastfeeding or expressing milk.</summary>
    [Question("Is the patient currently breastfeeding or expressing milk?")]
    public Answer Breastfeeding { get; init; }
}
