using System.Globalization;
using Screening.Domain.Intake;
using Screening.Domain.Policy;

namespace Screening.Domain.Facts;

/// <summary>
/// Values computed from the answers before evaluation (age, BMI, the blood pressure in use and its age). They are
/// arithmetic, not clinical judgement: the rules hold them against their thresholds.
/// </summary>
public sealed class ClinicalMeasures
{
    private ClinicalMeasures(DateOnly assessedOn, int? ageYears, decimal? bmi, BloodPressureMeasure bloodPressure)
    {
        AssessedOn = assessedOn;
        AgeYears = ageYears;
        Bmi = bmi;
        BloodPressure = bloodPressure;
    }

    /// <summary>The day the answers describe: <c>completedOn</c>, or the evaluation day.</summary>
    public DateOnly AssessedOn { get; }

    /// <summary>Age in completed years on <see cref="AssessedOn"/>; null when the date of birth is unknown.</summary>
    public int? AgeYears { get; }

    /// <summary>Body-mass index, kg/m², unrounded; null when height or weight is unknown.</summary>
    public decimal? Bmi { get; }

    /// <summary>The seated blood pressure the gates use.</summary>
    public BloodPressureMeasure BloodPressure { get; }

    public static ClinicalMeasures From(ScreeningRequest request, ScreeningPolicy policy, DateOnly today)
    {
        var assessedOn = request.CompletedOn ?? today;
        var vitals = request.Vitals;
        return new ClinicalMeasures(
            assessedOn,
            request.Patient.DateOfBirth is { } born ? CompletedYears(born, assessedOn) : null,
            vitals is { HeightCm: > 0 and var height, WeightKg: { } weight } ? weight / (height / 100m * (height / 100m)) : null,
            BloodPressureMeasure.From(vitals, policy, assessedOn));
    }

    public static int CompletedYears(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        return on < born.AddYears(years) ? years - 1 : years;
    }
}

/// <summary>
/// The seated blood pressure in use (spec §7): the single reading, or up to three readings of the same day
/// combined by the policy's rule (the mean, or the highest of each pressure), and how old it is. A reading older than
/// the policy allows is <see cref="Stale"/>: it counts as missing everywhere.
/// </summary>
public sealed class BloodPressureMeasure
{
    private BloodPressureMeasure(IReadOnlyList<BloodPressureReading> readings, decimal? systolic, decimal? diastolic, int? ageDays, bool stale, BloodPressureReadingsRule rule)
    {
        Readings = readings;
        Systolic = systolic;
        Diastolic = diastolic;
        AgeDays = ageDays;
        Stale = stale;
        Rule = rule;
    }

    /// <summary>The readings sent as a series (empty for a single reading).</summary>
    public IReadOnlyList<BloodPressureReading> Readings { get; }

    /// <summary>The systolic pressure in use, mmHg (unrounded when readings are averaged); null when not given.</summary>
    public decimal? Systolic { get; }

    /// <summary>The diastolic pressure in use, mmHg; null when not given.</summary>
    public decimal? Diastolic { get; }

    /// <summary>Days between the reading and the day the answers describe; null without a reading.</summary>
    public int? AgeDays { get; }

    /// <summary>The reading is older than the policy allows: it is treated as missing.</summary>
    public bool Stale { get; }

    /// <summary>How a series of readings was combined.</summary>
    public BloodPressureReadingsRule Rule { get; }

    /// <summary>Both pressures are known and the reading is recent enough to use.</summary>
    public bool IsUsable => !Stale && Systolic is not null && Diastolic is not null;

    public static BloodPressureMeasure From(VitalSigns vitals, ScreeningPolicy policy, DateOnly assessedOn)
    {
        var readings = vitals.BloodPressureReadings ?? [];
        var (systolic, diastolic) = readings.Count == 0
            ? ((decimal?)vitals.SystolicMmHg, (decimal?)vitals.DiastolicMmHg)
            : policy.BloodPressureReadingsRule == BloodPressureReadingsRule.Highest
                ? (readings.Max(r => r.SystolicMmHg), readings.Max(r => r.DiastolicMmHg))
                : ((decimal)readings.Sum(r => r.SystolicMmHg) / readings.Count, (decimal)readings.Sum(r => r.DiastolicMmHg) / readings.Count);

        int? ageDays = systolic is null && diastolic is null
            ? null
            : assessedOn.DayNumber - (vitals.BloodPressureMeasuredOn ?? assessedOn).DayNumber;
        return new BloodPressureMeasure(readings, systolic, diastolic, ageDays, ageDays > policy.BloodPressureMaxAgeDays, policy.BloodPressureReadingsRule);
    }

    /// <summary>A pressure as it reads in a reason: whole numbers as they are, a mean to one decimal.</summary>
    public static string Text(decimal? mmHg) => mmHg?.ToString("0.#", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>The reading in use, e.g. "146/92 mmHg", or "mean 181.5/96 mmHg of 2 readings (182/96, 181/96)".</summary>
    public string Describe()
    {
        var value = $"{Text(Systolic)}/{Text(Diastolic)} mmHg";
        if (Readings.Count < 2)
        {
            return value;
        }

        var how = Rule == BloodPressureReadingsRule.Highest ? "highest" : "mean";
        return $"{how} {value} of {Readings.Count} readings ({string.Join(", ", Readings.Select(r => $"{r.SystolicMmHg}/{r.DiastolicMmHg}"))})";
    }

    /// <summary>
    /// The reading as evidence: each pressure against the threshold given (null: no threshold). A series also lists each
    /// reading, then the value used.
    /// </summary>
    public IReadOnlyList<Evidence> Evidence(string? systolicThreshold = null, string? diastolicThreshold = null)
    {
        var evidence = new List<Evidence>();
        var series = Fields.BloodPressureReadings.Path;
        if (Readings.Count > 1)
        {
            var how = Rule == BloodPressureReadingsRule.Highest ? "highest" : "mean";
            evidence.AddRange(Readings.Select((r, i) => new Evidence($"{series}[{i}]", $"{r.SystolicMmHg}/{r.DiastolicMmHg} mmHg")));
            evidence.Add(new Evidence(series, $"{how} systolic {Text(Systolic)} mmHg", systolicThreshold));
            evidence.Add(new Evidence(series, $"{how} diastolic {Text(Diastolic)} mmHg", diastolicThreshold));
            return evidence;
        }

        var (systolicField, diastolicField) = Readings.Count == 1
            ? ($"{series}[0].systolicMmHg", $"{series}[0].diastolicMmHg")
            : (Fields.SystolicMmHg.Path, Fields.DiastolicMmHg.Path);
        if (Systolic is not null)
        {
            evidence.Add(new Evidence(systolicField, $"{Text(Systolic)} mmHg", systolicThreshold));
        }

        if (Diastolic is not null)
        {
            evidence.Add(new Evidence(diastolicField, $"{Text(Diastolic)} mmHg", diastolicThreshold));
        }

        return evidence;
    }
}
