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
}
