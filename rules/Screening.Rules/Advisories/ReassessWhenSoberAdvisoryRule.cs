namespace Screening.Rules.Advisories;

[Name("INFO_REASSESS_WHEN_SOBER")]
[Title("Reassess when sober")]
[Description("Intoxication or withdrawal at the time of screening: the answers are not a basis for a referral decision; reassess when sober.")]
[Kind(RuleKind.Info)]
[Source("Program policy (criteria.md §5)", SourceStatus.Policy)]
public sealed class ReassessWhenSoberAdvisoryRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.SubstanceUse.IntoxicatedOrWithdrawingNow == Answer.Yes);

        Then()
            .Yield(_ => Finding.Present(Self,
                "The patient was intoxicated or in withdrawal at screening: do not base a referral decision on these answers; reassess when sober.",
                new Evidence(Fields.IntoxicatedOrWithdrawingNow.Path, "yes")));
    }
}
