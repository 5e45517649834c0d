using FluentValidation;
using Screening.Domain.Intake;

namespace Screening.Api.Validation;

/// <summary>
/// Validates a questionnaire's answers across fields (its structure, types, ranges and lengths are checked while it is
/// read, from the model's declared shape). Unknown answers are valid: only impossible ones are rejected.
/// </summary>
public sealed class ScreeningRequestValidator : AbstractValidator<ScreeningRequest>
{
    public ScreeningRequestValidator(TimeProvider time)
    {
        // One day of slack for clients a time zone ahead of UTC.
        DateOnly Latest() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);

        RuleFor(r => r.CompletedOn).Must(d => d is null || d <= Latest()).WithMessage("must not be in the future");
        RuleFor(r => r.Patient).SetValidator(new PatientInfoValidator());
        RuleFor(r => r.Instruments).SetValidator(new InstrumentScoresValidator());
        RuleForEach(r => r.TreatmentTrials).NotNull().WithMessage("must be an object").SetValidator(new TreatmentTrialValidator());
        RuleFor(r => r.Vitals).SetValidator(new VitalSignsValidator());
        RuleFor(r => r.SubstanceUse).SetValidator(new SubstanceUseValidator());

        RuleFor(r => r.Patient.DateOfBirth)
            .Must((r, born) => born is null || born <= (r.CompletedOn ?? Latest()))
            .WithMessage("must not be after the date the answers were given")
            .Must((r, born) => born is null || IsWithinYears(born.Value, r.CompletedOn ?? Latest(), MaxAgeYears))
            .WithMessage($"must be within the last {MaxAgeYears} years");
        RuleFor(r => r.Diagnoses.CurrentEpisodeStartDate)
            .Must((r, started) => started is null || started <= (r.CompletedOn ?? Latest()))
            .WithMessage("must not be after the date the answers were given")
            .Must((r, started) => started is null || r.Patient.DateOfBirth is not { } born || started >= born)
            .WithMessage("must not be before the date of birth");
        RuleFor(r => r.Vitals.BloodPressureMeasuredOn)
            .Must((r, measured) => measured is null || measured <= (r.CompletedOn ?? Latest()))
            .WithMessage("must not be after the date the answers were given");
    }

    private const int MaxAgeYears = 120;

    /// <summary>
    /// Whether <paramref name="date"/> is no more than <paramref name="years"/> years before <paramref name="reference"/>.
    /// A reference in the first <paramref name="years"/> years of the calendar has no date that far back (subtracting
    /// would throw), so every date is within.
    /// </summary>
    private static bool IsWithinYears(DateOnly date, DateOnly reference, int years) =>
        reference.Year <= years || date >= reference.AddYears(-years);
}

public sealed class PatientInfoValidator : AbstractValidator<PatientInfo>
{
    public PatientInfoValidator()
    {
        RuleFor(p => p.Pregnant)
            .Must((p, pregnant) => pregnant != Answer.Yes || p.AbleToBecomePregnant != Answer.No)
            .WithMessage("cannot be yes when ableToBecomePregnant is no");
    }
}

public sealed class InstrumentScoresValidator : AbstractValidator<InstrumentScores>
{
    public InstrumentScoresValidator()
    {
        RuleFor(i => i.Phq9.Item9)
            .Must((i, item9) => item9 is null || i.Phq9.Total is null || item9 <= i.Phq9.Total)
            .WithMessage("cannot be greater than the PHQ-9 total");
    }
}

public sealed class TreatmentTrialValidator : AbstractValidator<TreatmentTrial>
{
    public TreatmentTrialValidator()
    {
        RuleFor(t => t.Drug).NotEmpty().WithMessage("must name the drug or therapy");
    }
}

public sealed class VitalSignsValidator : AbstractValidator<VitalSigns>
{
    public VitalSignsValidator()
    {
        RuleFor(v => v.DiastolicMmHg)
            .Must((v, diastolic) => diastolic is null || v.SystolicMmHg is null || diastolic < v.SystolicMmHg)
            .WithMessage("must be lower than the systolic pressure");
        RuleFor(v => v.BloodPressureReadings)
            .Must((v, readings) => readings is null || (v.SystolicMmHg is null && v.DiastolicMmHg is null))
            .WithMessage("give either the single reading (systolicMmHg, diastolicMmHg) or bloodPressureReadings, not both")
            .Must(readings => readings is null || readings.Count > 0)
            .WithMessage("must hold at least one reading, or be left out");
        RuleForEach(v => v.BloodPressureReadings).NotNull().WithMessage("must be an object").SetValidator(new BloodPressureReadingValidator());
    }
}

public sealed class BloodPressureReadingValidator : AbstractValidator<BloodPressureReading>
{
    public BloodPressureReadingValidator()
    {
        RuleFor(r => r.DiastolicMmHg)
            .Must((r, diastolic) => diastolic < r.SystolicMmHg)
            .WithMessage("must be lower than the systolic pressure");
    }
}

public sealed class SubstanceUseValidator : AbstractValidator<SubstanceUseAnswers>
{
    public SubstanceUseValidator()
    {
        RuleFor(s => s.AuditCTotal)
            .Must((s, auditC) => auditC is null || s.AuditTotal is null || auditC <= s.AuditTotal)
            .WithMessage("cannot be greater than the AUDIT total (AUDIT-C is its first three items)");
    }
}
