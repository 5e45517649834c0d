namespace Screening.Rules.Contraindications;

[Name("CI_RECENT_CV_EVENT_6W")]
[Title("Cardiovascular event in the last 6 weeks")]
[Description("A cardiovascular event (myocardial infarction, unstable angina, revascularization, cardiac admission) within the last 6 weeks is a temporary absolute contraindication under the EU SmPC rule; defer and re-screen. With the policy's 6-week rule off, the event is a relative caution instead.")]
[Kind(RuleKind.Temporary)]
[Rescreen("once 6 weeks have passed since the cardiovascular event and a cardiologist confirms stability")]
[Source("EU SmPC 4.3 (2025) 'recent (within 6 weeks) cardiovascular event, including myocardial infarction' [V]; not in USPI §4: adopting the stricter EU rule is [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.RecentCardiovascularEventIsAbsolute))]
public sealed class RecentCardiovascularEventContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.CardiovascularEventPast6Weeks != Answer.No, x => x.Policy.RecentCardiovascularEventIsAbsolute);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.CardiovascularEventPast6Weeks, Fields.CardiovascularEventPast6Weeks,
                "Cardiovascular event in the last 6 weeks reported: temporarily contraindicated (EU SmPC 4.3). Defer, and re-screen once 6 weeks have passed and the cardiologist confirms stability."));
    }
}
