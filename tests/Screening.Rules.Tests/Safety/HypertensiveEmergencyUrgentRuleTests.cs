using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

public class HypertensiveEmergencyUrgentRuleTests
{
    private static Finding? Evaluate(int systolic, int diastolic, Answer symptoms) =>
        RuleSession.For<HypertensiveEmergencyUrgentRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithBloodPressure(systolic, diastolic).WithVitals(v => v with { HypertensiveCrisisSymptoms = symptoms }))
            .FindingOf<HypertensiveEmergencyUrgentRule>();

    [Theory]
    [InlineData(180, 100)]
    [InlineData(160, 120)]
    public void Fires_at_180_or_120_with_symptoms(int systolic, int diastolic) =>
        Assert.Equal(UrgentSubtype.Medical, RuleAssert.Present(Evaluate(systolic, diastolic, Answer.Yes)).Subtype);

    [Fact]
    public void Does_not_fire_at_179_over_119_with_symptoms() => RuleAssert.Absent(Evaluate(179, 119, Answer.Yes));

    [Fact]
    public void Does_not_fire_without_symptoms() => RuleAssert.Absent(Evaluate(190, 100, Answer.No));

    [Fact]
    public void Asks_for_symptoms_when_pressure_is_severe_and_symptoms_unknown() =>
        RuleAssert.Unknown(Evaluate(190, 100, Answer.Unknown), "vitals.hypertensiveCrisisSymptoms");
}
