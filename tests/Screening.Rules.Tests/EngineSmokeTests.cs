using Screening.Engine;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests;

public class EngineSmokeTests
{
    private static readonly ScreeningEngine Engine = new(new ScreeningPolicy(), TimeProvider.System);

    [Fact]
    public void Refer_intake_is_referred_on_label_with_trd_as_the_decisive_reason()
    {
        var result = Engine.Evaluate(Intakes.Refer());

        Assert.Equal(OutcomeCategory.Refer, result.Outcome.Category);
        Assert.Equal(Pathway.EsketamineRems, result.Outcome.Pathway);
        Assert.Equal(["IND_TRD"], result.Reasons.Select(r => r.RuleId));
        Assert.Equal(["INFO_TRANSPORT_REQUIRED"], result.Flags.Select(f => f.RuleId));
        Assert.Empty(result.MissingInformation);
    }

    [Fact]
    public void Empty_intake_is_insufficient_and_asks_for_the_suicide_screen()
    {
        var result = Engine.Evaluate(new ScreeningRequest());

        Assert.Equal(OutcomeCategory.InsufficientInformation, result.Outcome.Category);
        Assert.Contains(result.MissingInformation, m => m.Field == "instruments.cssrs.intentWithPlan");
    }
}
