using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

public class BloodPressureGateRuleTests
{
    private static BloodPressureGate Gate(ScreeningRequest request, ScreeningPolicy? policy = null) =>
        Assert.Single(RuleSession.For<BloodPressureGateRule>().Evaluate(request, policy).Yielded<BloodPressureGate>());

    [Theory]
    [InlineData(140, 90, BloodPressureCategory.NotElevated)]
    [InlineData(141, 90, BloodPressureCategory.Elevated)]
    [InlineData(140, 91, BloodPressureCategory.Elevated)]
    [InlineData(179, 119, BloodPressureCategory.Elevated)]
    [InlineData(180, 80, BloodPressureCategory.Severe)]
    [InlineData(150, 120, BloodPressureCategory.Severe)]
    public void Classifies_the_reading_at_the_specified_inequalities(int systolic, int diastolic, BloodPressureCategory expected) =>
        Assert.Equal(expected, Gate(Intakes.Refer().WithBloodPressure(systolic, diastolic)).Category);

    [Fact]
    public void A_missing_value_is_unknown() =>
        Assert.Equal(["vitals.diastolicMmHg"], Gate(Intakes.Refer().WithBloodPressure(130, null)).Missing.Select(f => f.Path));

    [Fact]
    public void One_severe_value_is_severe_even_when_the_other_is_missing() =>
        Assert.Equal(BloodPressureCategory.Severe, Gate(Intakes.Refer().WithBloodPressure(185, null)).Category);

    [Fact]
    public void A_reading_30_days_old_still_counts() =>
        Assert.Equal(BloodPressureCategory.NotElevated, Gate(Intakes.Refer().WithVitals(v => v with { BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-30) })).Category);

    [Fact]
    public void A_reading_31_days_old_is_unknown() =>
        Assert.Equal(BloodPressureCategory.Unknown, Gate(Intakes.Refer().WithVitals(v => v with { BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-31) })).Category);

    [Fact]
    public void The_severe_threshold_is_the_policys() =>
        Assert.Equal(BloodPressureCategory.Severe, Gate(Intakes.Refer().WithBloodPressure(170, 80), new ScreeningPolicy { SevereHypertensionSystolic = 170 }).Category);
}
