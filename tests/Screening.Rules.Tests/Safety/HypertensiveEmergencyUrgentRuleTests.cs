using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

/// <summary>R2-1: crisis symptoms are an emergency at any blood pressure; unanswered, they hold the outcome only in the crisis range.</summary>
public class HypertensiveEmergencyUrgentRuleTests
{
    private static Finding? Evaluate(int? systolic, int? diastolic, Answer symptoms) =>
        RuleSession.For<HypertensiveEmergencyUrgentRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithBloodPressure(systolic, diastolic).WithVitals(v => v with { HypertensiveCrisisSymptoms = symptoms }))
            .FindingOf<HypertensiveEmergencyUrgentRule>();

    [Theory]
    [InlineData(180, 100)]
    [InlineData(160, 120)]
    public void Fires_at_180_or_120_with_symptoms_and_names_the_crisis_range(int systolic, int diastolic)
    {
        var finding = RuleAssert.Present(Evaluate(systolic, diastolic, Answer.Yes));

        Assert.Equal(UrgentSubtype.Medical, finding.Subtype);
        Assert.Contains("hypertensive-crisis range", finding.Text);
        Assert.Contains(finding.Evidence, e => e.Field == "vitals.hypertensiveCrisisSymptoms" && e.Value == "yes");
    }

    [Theory]
    [InlineData(179, 119)]
    [InlineData(170, 100)]
    [InlineData(120, 80)]
    public void Fires_with_symptoms_below_the_crisis_range(int systolic, int diastolic)
    {
        var finding = RuleAssert.Present(Evaluate(systolic, diastolic, Answer.Yes));

        Assert.DoesNotContain("hypertensive-crisis range", finding.Text);
        Assert.Contains(finding.Evidence, e => e.Field == "vitals.systolicMmHg" && e.Value == $"{systolic} mmHg");
    }

    [Fact]
    public void Fires_with_symptoms_when_the_blood_pressure_is_missing() =>
        Assert.StartsWith("Blood pressure not known", RuleAssert.Present(Evaluate(null, null, Answer.Yes)).Text);

    [Fact]
    public void Fires_with_symptoms_when_the_reading_is_out_of_date() =>
        RuleAssert.Present(RuleSession.For<HypertensiveEmergencyUrgentRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithVitals(v => v with { HypertensiveCrisisSymptoms = Answer.Yes, BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-31) }))
            .FindingOf<HypertensiveEmergencyUrgentRule>());

    [Fact]
    public void Does_not_fire_without_symptoms() => RuleAssert.Absent(Evaluate(190, 100, Answer.No));

    [Theory]
    [InlineData(180, 100)]
    [InlineData(150, 120)]
    public void Holds_the_outcome_for_unknown_symptoms_at_180_or_120(int systolic, int diastolic) =>
        RuleAssert.Unknown(Evaluate(systolic, diastolic, Answer.Unknown), "vitals.hypertensiveCrisisSymptoms");

    [Theory]
    [InlineData(179, 119)]
    [InlineData(null, null)]
    public void Unknown_symptoms_below_180_over_120_are_only_worth_asking(int? systolic, int? diastolic) =>
        RuleAssert.WorthAskingOnly(Evaluate(systolic, diastolic, Answer.Unknown), "vitals.hypertensiveCrisisSymptoms");
}
