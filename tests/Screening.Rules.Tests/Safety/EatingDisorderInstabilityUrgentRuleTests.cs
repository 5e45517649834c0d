using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

public class EatingDisorderInstabilityUrgentRuleTests
{
    private static Finding? Evaluate(ScreeningRequest request) =>
        RuleSession.For<EatingDisorderInstabilityUrgentRule>(typeof(EatingDisorderStabilityRule)).Evaluate(request).FindingOf<EatingDisorderInstabilityUrgentRule>();

    private static ScreeningRequest Diagnosed() => Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = Answer.Yes }).WithBmi(16m);

    [Fact]
    public void Fires_for_a_heart_rate_of_39() =>
        Assert.Equal(UrgentSubtype.Medical, RuleAssert.Present(Evaluate(Diagnosed().WithVitals(v => v with { HeartRateBpm = 39 }))).Subtype);

    [Fact]
    public void Does_not_fire_when_stable() => RuleAssert.Absent(Evaluate(Diagnosed()));

    [Fact]
    public void Reports_missing_weight_as_missing_safety_data() =>
        RuleAssert.Unknown(Evaluate(Diagnosed().WithVitals(v => v with { WeightKg = null })), "vitals.weightKg");

    [Fact]
    public void Does_not_fire_without_a_suspected_eating_disorder() =>
        RuleAssert.Absent(Evaluate(Intakes.Refer().WithVitals(v => v with { HeartRateBpm = 35 })));

    private static ScreeningRequest EatingDisorderUnanswered() => Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = Answer.Unknown });

    [Fact]
    public void With_the_eating_disorder_unanswered_a_heart_rate_of_39_makes_the_question_worth_asking() =>
        RuleAssert.WorthAskingOnly(Evaluate(EatingDisorderUnanswered().WithVitals(v => v with { HeartRateBpm = 39 })), "diagnoses.eatingDisorder");

    [Fact]
    public void With_the_eating_disorder_unanswered_a_heart_rate_of_40_asks_nothing() =>
        RuleAssert.Absent(Evaluate(EatingDisorderUnanswered().WithVitals(v => v with { HeartRateBpm = 40 })));

    [Fact]
    public void With_the_eating_disorder_unanswered_missing_vitals_are_not_asked_for() =>
        RuleAssert.Absent(Evaluate(EatingDisorderUnanswered().WithVitals(v => v with { HeartRateBpm = null, WeightKg = null })));

    [Fact]
    public void A_scoff_below_2_answers_the_question() =>
        RuleAssert.Absent(Evaluate(EatingDisorderUnanswered().WithInstruments(i => i with { ScoffTotal = 1 }).WithVitals(v => v with { HeartRateBpm = 35 })));

    [Fact]
    public void Fires_for_acute_weight_decline_with_food_refusal() =>
        Assert.Contains(RuleAssert.Present(Evaluate(Diagnosed().WithVitals(v => v with { AcuteWeightDeclineWithFoodRefusal = Answer.Yes }))).Evidence,
            e => e.Field == "vitals.acuteWeightDeclineWithFoodRefusal" && e.Value == "yes");

    [Fact]
    public void The_other_criteria_unanswered_are_only_worth_asking_when_stable_otherwise() =>
        RuleAssert.WorthAskingOnly(Evaluate(Diagnosed().WithVitals(v => v with
            {
                OrthostaticChange = Answer.Unknown, TemperatureC = null, PotassiumMmolPerL = null, GlucoseMgPerDl = null,
                OtherElectrolyteImbalance = Answer.Unknown, AcuteMedicalCompromise = Answer.Unknown,
            })),
            "vitals.orthostaticChange", "vitals.temperatureC", "vitals.potassiumMmolPerL", "vitals.glucoseMgPerDl", "vitals.otherElectrolyteImbalance", "vitals.acuteMedicalCompromise");

    [Fact]
    public void Unknown_weight_decline_is_only_worth_asking_when_stable_otherwise() =>
        RuleAssert.WorthAskingOnly(Evaluate(Diagnosed().WithVitals(v => v with { AcuteWeightDeclineWithFoodRefusal = Answer.Unknown })),
            "vitals.acuteWeightDeclineWithFoodRefusal");

    [Fact]
    public void A_blood_pressure_31_days_old_is_missing_safety_data_and_says_why()
    {
        var finding = RuleAssert.Unknown(Evaluate(Diagnosed().WithVitals(v => v with { BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-31) })),
            "vitals.systolicMmHg", "vitals.diastolicMmHg", "vitals.bloodPressureMeasuredOn");

        Assert.All(finding.Missing, f => Assert.Contains("31 days old", f.Note));
    }

    [Fact]
    public void A_blood_pressure_30_days_old_still_counts() =>
        RuleAssert.Absent(Evaluate(Diagnosed().WithVitals(v => v with { BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-30) })));

    [Fact]
    public void A_stale_low_reading_is_not_read_as_instability() =>
        RuleAssert.Unknown(Evaluate(Diagnosed().WithBloodPressure(85, 55).WithVitals(v => v with { BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-31) })),
            "vitals.systolicMmHg", "vitals.diastolicMmHg", "vitals.bloodPressureMeasuredOn");

    [Theory]
    [InlineData(89, 70)]
    [InlineData(100, 59)]
    public void Fires_below_90_over_60(int systolic, int diastolic) =>
        RuleAssert.Present(Evaluate(Diagnosed().WithBloodPressure(systolic, diastolic)));

    [Fact]
    public void Does_not_fire_at_90_over_60() => RuleAssert.Absent(Evaluate(Diagnosed().WithBloodPressure(90, 60)));
}
