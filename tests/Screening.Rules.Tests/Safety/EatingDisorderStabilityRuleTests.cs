using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

public class EatingDisorderStabilityRuleTests
{
    private static ScreeningRequest Suspected() =>
        Intakes.Refer().WithInstruments(i => i with { ScoffTotal = 2 }).WithBmi(17m);

    private static IReadOnlyList<EatingDisorderStability> Evaluate(ScreeningRequest request) =>
        RuleSession.For<EatingDisorderStabilityRule>().Evaluate(request).Yielded<EatingDisorderStability>();

    private static Answer Unstable(ScreeningRequest request) => Assert.Single(Evaluate(request)).Unstable;

    [Fact]
    public void Is_not_assessed_without_a_diagnosis_or_scoff_2() =>
        Assert.Empty(Evaluate(Intakes.Refer().WithInstruments(i => i with { ScoffTotal = 1 })));

    [Fact]
    public void Is_assessed_for_a_diagnosed_eating_disorder() =>
        Assert.Equal(Answer.Yes, Assert.Single(Evaluate(Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = Answer.Yes }))).EatingDisorder);

    [Theory]
    [InlineData(35, 24.8, true)]
    [InlineData(72, 18.4, true)]
    [InlineData(72, 18.5, false)]
    [InlineData(40, 24.8, false)]
    public void With_the_diagnosis_unanswered_and_no_scoff_is_assessed_only_for_a_criterion_met_or_a_low_weight(int heartRate, double bmi, bool assessed)
    {
        var yielded = Evaluate(Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = Answer.Unknown }).WithBmi((decimal)bmi).WithVitals(v => v with { HeartRateBpm = heartRate }));

        if (assessed)
        {
            Assert.Equal(Answer.Unknown, Assert.Single(yielded).EatingDisorder);
        }
        else
        {
            Assert.Empty(yielded);
        }
    }

    [Fact]
    public void Stable_when_every_criterion_is_known_and_normal() => Assert.Equal(Answer.No, Unstable(Suspected()));

    [Theory]
    [InlineData(39, Answer.Yes)]
    [InlineData(40, Answer.No)]
    public void Heart_rate_below_40(int rate, Answer expected) => Assert.Equal(expected, Unstable(Suspected().WithVitals(v => v with { HeartRateBpm = rate })));

    [Theory]
    [InlineData(89, 70, Answer.Yes)]
    [InlineData(90, 70, Answer.No)]
    [InlineData(100, 59, Answer.Yes)]
    [InlineData(100, 60, Answer.No)]
    public void Blood_pressure_below_90_over_60(int systolic, int diastolic, Answer expected) =>
        Assert.Equal(expected, Unstable(Suspected().WithBloodPressure(systolic, diastolic)));

    [Theory]
    [InlineData("14.99", Answer.Yes)]
    [InlineData("15.0", Answer.No)]
    public void Bmi_below_15(string bmi, Answer expected) => Assert.Equal(expected, Unstable(Suspected().WithBmi(decimal.Parse(bmi))));

    [Theory]
    [InlineData(59, Answer.Yes)]
    [InlineData(60, Answer.No)]
    public void Glucose_below_60(int glucose, Answer expected) => Assert.Equal(expected, Unstable(Suspected().WithVitals(v => v with { GlucoseMgPerDl = glucose })));

    [Theory]
    [InlineData("2.9", Answer.Yes)]
    [InlineData("3.0", Answer.No)]
    public void Potassium_below_3(string potassium, Answer expected) =>
        Assert.Equal(expected, Unstable(Suspected().WithVitals(v => v with { PotassiumMmolPerL = decimal.Parse(potassium) })));

    [Theory]
    [InlineData("36.0", Answer.Yes)]
    [InlineData("36.1", Answer.No)]
    public void Temperature_below_36_1(string celsius, Answer expected) =>
        Assert.Equal(expected, Unstable(Suspected().WithVitals(v => v with { TemperatureC = decimal.Parse(celsius) })));

    [Fact]
    public void Orthostatic_change_syncope_or_electrolytes_are_instability()
    {
        Assert.Equal(Answer.Yes, Unstable(Suspected().WithVitals(v => v with { OrthostaticChange = Answer.Yes })));
        Assert.Equal(Answer.Yes, Unstable(Suspected().WithVitals(v => v with { AcuteMedicalCompromise = Answer.Yes })));
        Assert.Equal(Answer.Yes, Unstable(Suspected().WithVitals(v => v with { OtherElectrolyteImbalance = Answer.Yes })));
    }

    [Fact]
    public void Unknown_when_bmi_heart_rate_or_pressure_is_missing()
    {
        var stability = Assert.Single(Evaluate(Suspected().WithVitals(v => v with { HeightCm = null, HeartRateBpm = null })));

        Assert.Equal(Answer.Unknown, stability.Unstable);
        Assert.Equal(["vitals.heartRateBpm", "vitals.heightCm"], stability.Missing.Select(f => f.Path).Order());
    }
}
