using Screening.Domain.Intake;

namespace Screening.Domain.Facts;

/// <summary>
/// Values computed from the answers before evaluation (age, BMI, age of the blood-pressure reading). They are
/// arithmetic, not clinical judgement: the rules hold them against their thresholds.
/// </summary>
public sealed class ClinicalMeasures
{
    private ClinicalMeasures(DateOnly assessedOn, int? ageYears, decimal? bmi, int? bloodPressureAgeDays)
    {
        AssessedOn = assessedOn;
        AgeYears = ageYears;
        Bmi = bmi;
        BloodPressureAgeDays = bloodPressureAgeDays;
    }

    /// <summary>The day the answers describe: <c>completedOn</c>, or the evaluation day.</summary>
    public DateOnly AssessedOn { get; }

    /// <summary>Age in completed years on <see cref="AssessedOn"/>; null when the date of birth is unknown.</summary>
    public int? AgeYears { get; }

    /// <summary>Body-mass index, kg/m², unrounded; null when height or weight is unknown.</summary>
    public decimal? Bmi { get; }

    /// <summary>Days between the blood-pressure reading and <see cref="AssessedOn"/>; null without a reading.</summary>
    public int? BloodPressureAgeDays { get; }

    public static ClinicalMeasures From(ScreeningRequest request, DateOnly today)
    {
        var assessedOn = request.CompletedOn ?? today;
        var vitals = request.Vitals;
        var hasReading = vitals.SystolicMmHg is not null || vitals.DiastolicMmHg is not null;
        var readingDate = vitals.BloodPressureMeasuredOn ?? assessedOn;

        return new ClinicalMeasures(
            assessedOn,
            request.Patient.DateOfBirth is { } born ? CompletedYears(born, assessedOn) : null,
            vitals is { HeightCm: > 0 and var height, WeightKg: { } weight } ? weight / (height / 100m * (height / 100m)) : null,
            hasReading ? assessedOn.DayNumber - readingDate.DayNumber : null);
    }

    public static int CompletedYears(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        return on < born.AddYears(years) ? years - 1 : years;
    }
}

