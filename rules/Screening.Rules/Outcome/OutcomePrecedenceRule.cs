namespace Screening.Rules.Outcome;

[Name("OUTCOME_PRECEDENCE")]
[Title("Outcome precedence")]
[Description("Derives the outcome from every finding, indication assessment and the C-SSRS risk, in the precedence of the specification: urgent, contraindicated, insufficient (safety data), not met, insufficient (indication or gate data), specialist review, refer.")]
[Kind(RuleKind.Outcome)]
[Source("spec §9 outcome categories and precedence (program design)", SourceStatus.Policy)]
[Priority(Stage.Outcome)]
public sealed class OutcomePrecedenceRule : ScreeningRule
{
    public override void Define()
    {
        CssrsRisk cssrs = null!;
        Intake intake = null!;
        IEnumerable<Finding> findings = null!;
        IEnumerable<IndicationAssessment> indications = null!;

        When()
            .Match(() => cssrs)
            .Match(() => intake)
            .Query(() => findings, q => q.Match<Finding>().Collect())
            .Query(() => indications, q => q.Match<IndicationAssessment>().Collect());

        Then()
            .Yield(_ => OutcomePrecedence.Decide(cssrs, intake.Instruments.Phq9.Item9, findings, indications));
    }
}
