namespace Screening.Rules.Tests.Fixtures;

/// <summary>
/// The three cases of a rule that rests on one yes / no / unknown answer: "yes" fires with the answer as evidence, "no"
/// does not fire, "unknown" names the field as missing (never read as "no").
/// </summary>
public abstract class AnswerRuleTests<TRule>
    where TRule : ScreeningRule
{
    /// <summary>The field the rule reads, as a request path.</summary>
    protected abstract string FieldPath { get; }

    /// <summary>The expected kind of the finding.</summary>
    protected abstract RuleKind Kind { get; }

    /// <summary>The refer intake with the rule's answer set.</summary>
    protected abstract ScreeningRequest WithAnswer(ScreeningRequest request, Answer answer);

    protected virtual Type[] Derivations => [];

    private Finding? Evaluate(Answer answer) =>
        RuleSession.For<TRule>(Derivations).Evaluate(WithAnswer(Intakes.Refer(), answer)).FindingOf<TRule>();

    [Fact]
    public void Fires_when_answered_yes()
    {
        var finding = RuleAssert.Present(Evaluate(Answer.Yes));

        Assert.Equal(Kind, finding.Kind);
        Assert.Contains(finding.Evidence, e => e.Field == FieldPath && e.Value == "yes");
    }

    [Fact]
    public void Does_not_fire_when_answered_no() => RuleAssert.Absent(Evaluate(Answer.No));

    [Fact]
    public void Reports_the_question_as_missing_when_unknown() => RuleAssert.Unknown(Evaluate(Answer.Unknown), FieldPath);
}
