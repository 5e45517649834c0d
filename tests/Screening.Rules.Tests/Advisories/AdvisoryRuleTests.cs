using Screening.Rules.Advisories;
using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Advisories;

public class YoungAdultAdvisoryRuleTests
{
    private static Finding? Evaluate(int age) =>
        RuleSession.For<YoungAdultAdvisoryRule>().Evaluate(Intakes.Refer().AgedYears(age)).FindingOf<YoungAdultAdvisoryRule>();

    [Theory]
    [InlineData(18)]
    [InlineData(24)]
    public void Fires_from_18_to_24(int age) => Assert.Equal(RuleKind.Info, RuleAssert.Present(Evaluate(age)).Kind);

    [Theory]
    [InlineData(17)]
    [InlineData(25)]
    public void Does_not_fire_outside_18_to_24(int age) => RuleAssert.Absent(Evaluate(age));
}

public class ReproductivePotentialAdvisoryRuleTests
{
    private static Finding? Evaluate(Answer able, SexAtBirth sex = SexAtBirth.Female) =>
        RuleSession.For<ReproductivePotentialAdvisoryRule>()
            .Evaluate(Intakes.Refer().WithPatient(p => p with { AbleToBecomePregnant = able, Pregnant = Answer.No, SexAtBirth = sex }))
            .FindingOf<ReproductivePotentialAdvisoryRule>();

    [Fact]
    public void Fires_when_able_to_become_pregnant() => RuleAssert.Present(Evaluate(Answer.Yes));

    [Fact]
    public void Does_not_fire_otherwise() => RuleAssert.Absent(Evaluate(Answer.No));

    [Theory]
    [InlineData(SexAtBirth.Female)]
    [InlineData(SexAtBirth.Intersex)]
    [InlineData(SexAtBirth.Unknown)]
    public void Asks_whether_the_patient_can_become_pregnant_when_unanswered(SexAtBirth sex) =>
        RuleAssert.WorthAskingOnly(Evaluate(Answer.Unknown, sex), "patient.ableToBecomePregnant");

    [Fact]
    public void Does_not_ask_about_a_man() => RuleAssert.Absent(Evaluate(Answer.Unknown, SexAtBirth.Male));
}

public class TransportRequiredAdvisoryRuleTests
{
    private static Finding? Evaluate(Answer arranged) =>
        RuleSession.For<TransportRequiredAdvisoryRule>()
            .Evaluate(Intakes.Refer() with { Logistics = new LogisticsAnswers { TransportHomeArranged = arranged } })
            .FindingOf<TransportRequiredAdvisoryRule>();

    [Fact]
    public void Always_advises_on_driving_and_confirms_arranged_transport() =>
        Assert.Contains("Transport home is arranged", RuleAssert.Present(Evaluate(Answer.Yes)).Text, StringComparison.Ordinal);

    [Fact]
    public void Asks_to_arrange_transport_when_not_confirmed() =>
        Assert.Contains("not yet confirmed", RuleAssert.Present(Evaluate(Answer.Unknown)).Text, StringComparison.Ordinal);
}

public class CssrsLowAdvisoryRuleTests
{
    private static Finding? Evaluate(CssrsScreener screener) =>
        RuleSession.For<CssrsLowAdvisoryRule>(typeof(CssrsRiskRule)).Evaluate(Intakes.Refer().WithCssrs(screener)).FindingOf<CssrsLowAdvisoryRule>();

    [Fact]
    public void Fires_for_low_risk() => RuleAssert.Present(Evaluate(IntakeChanges.AllNo() with { WishToBeDead = Answer.Yes }));

    [Fact]
    public void Does_not_fire_for_no_risk() => RuleAssert.Absent(Evaluate(IntakeChanges.AllNo()));
}

public class Phq9CssrsDiscordantAdvisoryRuleTests
{
    private static Finding? Evaluate(int? item9, CssrsScreener screener) =>
        RuleSession.For<Phq9CssrsDiscordantAdvisoryRule>(typeof(CssrsRiskRule))
            .Evaluate(Intakes.Refer().WithPhq9(19, item9).WithCssrs(screener))
            .FindingOf<Phq9CssrsDiscordantAdvisoryRule>();

    [Fact]
    public void Fires_when_item_9_is_1_and_the_cssrs_is_all_no() => RuleAssert.Present(Evaluate(1, IntakeChanges.AllNo()));

    [Fact]
    public void Fires_when_item_9_is_0_and_the_cssrs_is_positive() => RuleAssert.Present(Evaluate(0, IntakeChanges.AllNo() with { WishToBeDead = Answer.Yes }));

    [Fact]
    public void Does_not_fire_when_both_are_negative() => RuleAssert.Absent(Evaluate(0, IntakeChanges.AllNo()));

    [Fact]
    public void Does_not_fire_when_both_are_positive() => RuleAssert.Absent(Evaluate(1, IntakeChanges.AllNo() with { WishToBeDead = Answer.Yes }));

    [Fact]
    public void Item_9_not_given_with_a_completed_cssrs_is_worth_asking_only() =>
        RuleAssert.WorthAskingOnly(Evaluate(null, IntakeChanges.AllNo()), "instruments.phq9.item9");

    [Fact]
    public void Item_9_not_given_with_a_positive_cssrs_is_worth_asking_only() =>
        RuleAssert.WorthAskingOnly(Evaluate(null, IntakeChanges.AllNo() with { WishToBeDead = Answer.Yes }), "instruments.phq9.item9");

    [Fact]
    public void Item_9_not_given_with_an_incomplete_cssrs_is_left_to_the_safety_follow_up() => RuleAssert.Absent(Evaluate(null, new CssrsScreener()));
}

public class ReassessWhenSoberAdvisoryRuleTests
{
    private static Finding? Evaluate(Answer intoxicated) =>
        RuleSession.For<ReassessWhenSoberAdvisoryRule>()
            .Evaluate(Intakes.Refer().WithSubstanceUse(s => s with { IntoxicatedOrWithdrawingNow = intoxicated }))
            .FindingOf<ReassessWhenSoberAdvisoryRule>();

    [Fact]
    public void Fires_when_intoxicated_or_in_withdrawal() => RuleAssert.Present(Evaluate(Answer.Yes));

    [Fact]
    public void Does_not_fire_otherwise() => RuleAssert.Absent(Evaluate(Answer.No));

    [Fact]
    public void Unanswered_is_worth_asking_only() => RuleAssert.WorthAskingOnly(Evaluate(Answer.Unknown), "substanceUse.intoxicatedOrWithdrawingNow");
}
