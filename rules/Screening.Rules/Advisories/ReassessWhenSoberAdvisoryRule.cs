namespace Screening.Rules.Advisories;

[Name(Id)]
[Title("Reassess when sober")]
[Description("Intoxication or withdrawal at the time of screening: the answers are not a basis for a referral decision, so the outcome is insufficient information (the decisive reason) until the patient is reassessed when sober. Urgent findings and absolute contraindications still take precedence. Unanswered, the question is listed as worth asking; it does not hold the outcome.")]
[Kind(RuleKind.Info)]
[Source("Program policy (spec §5, §9.2 step 3b)", SourceStatus.Policy)]
public sealed class ReassessWhenSoberAdvisoryRule : ScreeningRule
{
    public const string Id = "INFO_REASSESS_WHEN_SOBER";

    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.SubstanceUse.IntoxicatedOrWithdrawingNow != Answer.No);

        Then()
            .Yield(_ => Evaluate(intake.SubstanceUse.IntoxicatedOrWithdrawingNow));
    }

    // Unanswered, the question is worth asking (a "yes" would make the answers unreliable), but it is not in the
    // specification's safety data or gates, so it never holds the outcome.
    private Finding Evaluate(Answer intoxicatedOrWithdrawing) => intoxicatedOrWithdrawing == Answer.Yes
        ? Finding.Present(Self,
            "The patient was intoxicated or in withdrawal at screening: these answers are not a basis for a referral decision; reassess when sober and screen again.",
            new Evidence(Fields.IntoxicatedOrWithdrawingNow.Path, "yes"))
        : Finding.OnlyWorthAsking(Self, Fields.IntoxicatedOrWithdrawingNow);
}
