using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Safety;

public class SuicideRiskHighUrgentRuleTests
{
    private static Finding? Evaluate(CssrsScreener screener) =>
        RuleSession.For<SuicideRiskHighUrgentRule>(typeof(CssrsRiskRule)).Evaluate(Intakes.Refer().WithCssrs(screener)).FindingOf<SuicideRiskHighUrgentRule>();

    [Fact]
    public void Fires_for_intent_in_the_past_month()
    {
        var finding = RuleAssert.Present(Evaluate(IntakeChanges.AllNo() with { SuicidalThoughts = Answer.Yes, IntentWithoutPlan = Answer.Yes }));

        Assert.Equal(RuleKind.Urgent, finding.Kind);
        Assert.Equal(UrgentSubtype.Psychiatric, finding.Subtype);
        Assert.Contains(finding.Evidence, e => e.Field == "instruments.cssrs.intentWithoutPlan");
    }

    [Fact]
    public void Does_not_fire_for_moderate_risk() =>
        RuleAssert.Absent(Evaluate(IntakeChanges.AllNo() with { SuicidalThoughts = Answer.Yes, ThoughtsWithMethod = Answer.Yes, IntentWithoutPlan = Answer.No, IntentWithPlan = Answer.No }));

    [Fact]
    public void Reports_the_screener_as_missing_when_it_was_not_completed() =>
        RuleAssert.Unknown(Evaluate(new CssrsScreener()),
            "instruments.cssrs.wishToBeDead", "instruments.cssrs.suicidalThoughts", "instruments.cssrs.thoughtsWithMethod",
            "instruments.cssrs.intentWithoutPlan", "instruments.cssrs.intentWithPlan", "instruments.cssrs.suicidalBehaviorLifetime",
            "instruments.cssrs.suicidalBehaviorPast3Months");
}
