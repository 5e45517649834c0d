namespace Screening.Domain.Intake;

/// <summary>Practical arrangements for treatment sessions.</summary>
public sealed record LogisticsAnswers
{
    /// <summary>Someone can take the patient home after each session (no driving until the next day).</summary>
    [Question("Can someone take the patient home after each treatment session? (The patient must not drive until the next day.)")]
    public Answer TransportHomeArranged { get; init; }
}
