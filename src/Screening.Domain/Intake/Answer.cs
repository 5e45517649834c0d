namespace Screening.Domain.Intake;

/// <summary>
/// A tri-state answer. <c>unknown</c> (or leaving the field out) means the question was not answered:
/// it is never read as "no".
/// </summary>
public enum Answer
{
    /// <summary>Not answered, not asked, or the patient is unsure.</summary>
    Unknown = 0,
    Yes,
    No,
}
