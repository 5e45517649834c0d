namespace Screening.Rules.Cautions;

[Name("RC_CV_CEREBROVASCULAR")]
[Title("Cardiovascular or cerebrovascular disease")]
[Description("Other cardiovascular or cerebrovascular disease (myocardial infarction more than 6 weeks ago, angina, revascularization, heart failure, valve disease, arrhythmia, stroke or TIA) needs careful benefit-risk assessment. With the policy's 6-week rule off, a recent event counts here; with the optional heart-rate gate on, an abnormal resting heart rate does too.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §5.6: 'patients with other cardiovascular and cerebrovascular conditions should be carefully assessed to determine whether the potential benefits ... outweigh its risks' [V]; phase 3 exclusions (JNJ Medical Connect) [V]; heart-rate gate unsourced [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.RecentCardiovascularEventIsAbsolute), nameof(ScreeningPolicy.HeartRateGateEnabled), nameof(ScreeningPolicy.HeartRateGateBelow), nameof(ScreeningPolicy.HeartRateGateAbove))]
public sealed class CardiovascularDiseaseCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => Tri.AnyOpen(x.Contraindications.OtherCardiovascularOrCerebrovascularDisease, RecentEventAsCaution(x)) || AbnormalHeartRate(x) != null);

        Then()
            .Yield(_ => Evaluate(intake));
    }

    // Under the US label alone a recent event is not a contraindication, but it still needs careful assessment.
    private static Answer RecentEventAsCaution(Intake intake) =>
        intake.Policy.RecentCardiovascularEventIsAbsolute ? Answer.No : intake.Contraindications.CardiovascularEventPast6Weeks;

    // The optional, unsourced heart-rate gate of spec §7 (off by default).
    private static int? AbnormalHeartRate(Intake intake) =>
        intake.Policy is { HeartRateGateEnabled: true } policy && intake.Vitals.HeartRateBpm is { } rate
        && (rate < policy.HeartRateGateBelow || rate > policy.HeartRateGateAbove) ? rate : null;

    private Finding Evaluate(Intake intake)
    {
        var finding = FromAnyAnswer(
            what => $"History of {what} reported: carefully assess whether the benefits outweigh the risks before treatment (SPRAVATO prescribing information §5.6). Specialist review.",
            (intake.Contraindications.OtherCardiovascularOrCerebrovascularDisease, Fields.OtherCardiovascularDisease, "cardiovascular or cerebrovascular disease"),
            (RecentEventAsCaution(intake), Fields.CardiovascularEventPast6Weeks, "a cardiovascular event in the last 6 weeks"));
        if (finding is { IsPresent: true } || AbnormalHeartRate(intake) is not { } rate)
        {
            return finding!;
        }

        var policy = intake.Policy;
        return Finding.Present(Self,
            $"Abnormal resting heart rate {rate} bpm (program policy gate: below {policy.HeartRateGateBelow} or above {policy.HeartRateGateAbove}): clinician review of cardiovascular status.",
            new Evidence(Fields.HeartRateBpm.Path, $"{rate} bpm", $"< {policy.HeartRateGateBelow} or > {policy.HeartRateGateAbove} bpm"));
    }
}
