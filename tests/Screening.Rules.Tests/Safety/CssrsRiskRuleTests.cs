using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

public class CssrsRiskRuleTests
{
    private static CssrsRisk RiskOf(CssrsScreener screener) =>
        Assert.Single(RuleSession.For<CssrsRiskRule>().Evaluate(Intakes.Refer().WithCssrs(screener)).Yielded<CssrsRisk>());

    private static readonly Answer Y = Answer.Yes;
    private static readonly Answer N = Answer.No;

    [Fact]
    public void All_no_is_no_risk() => Assert.Equal(CssrsRiskLevel.None, RiskOf(IntakeChanges.AllNo()).Level);

    [Fact]
    public void Wish_to_be_dead_only_is_low() =>
        Assert.Equal(CssrsRiskLevel.Low, RiskOf(IntakeChanges.AllNo() with { WishToBeDead = Y }).Level);

    [Fact]
    public void Suicidal_thoughts_without_method_is_low() =>
        Assert.Equal(CssrsRiskLevel.Low, RiskOf(IntakeChanges.AllNo() with { SuicidalThoughts = Y, ThoughtsWithMethod = N, IntentWithoutPlan = N, IntentWithPlan = N }).Level);

    [Fact]
    public void Thoughts_with_a_method_without_intent_is_moderate() =>
        Assert.Equal(CssrsRiskLevel.Moderate, RiskOf(IntakeChanges.AllNo() with { SuicidalThoughts = Y, ThoughtsWithMethod = Y, IntentWithoutPlan = N, IntentWithPlan = N }).Level);

    [Fact]
    public void Intent_without_a_plan_is_high() =>
        Assert.Equal(CssrsRiskLevel.High, RiskOf(IntakeChanges.AllNo() with { SuicidalThoughts = Y, IntentWithoutPlan = Y }).Level);

    [Fact]
    public void Intent_with_a_plan_is_high() =>
        Assert.Equal(CssrsRiskLevel.High, RiskOf(IntakeChanges.AllNo() with { SuicidalThoughts = Y, ThoughtsWithMethod = N, IntentWithoutPlan = N, IntentWithPlan = Y }).Level);

    [Fact]
    public void Behaviour_in_the_past_3_months_is_high() =>
        Assert.Equal(CssrsRiskLevel.High, RiskOf(IntakeChanges.AllNo() with { SuicidalBehaviorLifetime = Y, SuicidalBehaviorPast3Months = Y }).Level);

    [Fact]
    public void Behaviour_only_longer_than_3_months_ago_is_moderate() =>
        Assert.Equal(CssrsRiskLevel.Moderate, RiskOf(IntakeChanges.AllNo() with { SuicidalBehaviorLifetime = Y, SuicidalBehaviorPast3Months = N }).Level);

    [Fact]
    public void Lifetime_behaviour_with_unknown_recency_is_unknown_and_asks_for_the_recency()
    {
        var risk = RiskOf(IntakeChanges.AllNo() with { SuicidalBehaviorLifetime = Y });

        Assert.Equal(CssrsRiskLevel.Unknown, risk.Level);
        Assert.Equal(["instruments.cssrs.suicidalBehaviorPast3Months"], risk.Missing.Select(f => f.Path));
    }

    [Fact]
    public void Items_3_to_5_are_not_asked_after_no_to_item_2() =>
        Assert.Equal(CssrsRiskLevel.None, RiskOf(new CssrsScreener { WishToBeDead = N, SuicidalThoughts = N, SuicidalBehaviorLifetime = N }).Level);

    [Fact]
    public void Yes_to_item_2_with_items_3_to_5_unanswered_is_unknown()
    {
        var risk = RiskOf(IntakeChanges.AllNo() with { SuicidalThoughts = Y });

        Assert.Equal(CssrsRiskLevel.Unknown, risk.Level);
        Assert.Equal(
            ["instruments.cssrs.intentWithPlan", "instruments.cssrs.intentWithoutPlan", "instruments.cssrs.thoughtsWithMethod"],
            risk.Missing.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_screener_never_given_is_unknown() =>
        Assert.Equal(CssrsRiskLevel.Unknown, RiskOf(new CssrsScreener()).Level);

    [Fact]
    public void A_high_answer_decides_even_with_other_items_unanswered() =>
        Assert.Equal(CssrsRiskLevel.High, RiskOf(new CssrsScreener { IntentWithPlan = Y }).Level);

    [Fact]
    public void An_unanswered_item_2_is_asked_with_the_items_it_opens()
    {
        var risk = RiskOf(IntakeChanges.AllNo() with { WishToBeDead = Y, SuicidalThoughts = Answer.Unknown });

        Assert.Equal(CssrsRiskLevel.Unknown, risk.Level);
        Assert.Equal(
            ["instruments.cssrs.suicidalThoughts", "instruments.cssrs.thoughtsWithMethod", "instruments.cssrs.intentWithoutPlan", "instruments.cssrs.intentWithPlan"],
            risk.Missing.Select(f => f.Path));
    }

    [Fact]
    public void Item_2_answered_no_settles_items_3_to_5() =>
        Assert.Equal(CssrsRiskLevel.Low, RiskOf(IntakeChanges.AllNo() with { WishToBeDead = Y }).Level);
}
