using Screening.Domain.Json;

namespace Screening.Rules.Advisories;

[Name("INFO_PHQ9_CSSRS_DISCORDANT")]
[Title("PHQ-9 item 9 and C-SSRS disagree")]
[Description("With a completed C-SSRS screener: PHQ-9 item 9 is 1 or more but every C-SSRS item is 'no', or item 9 is 0 but the C-SSRS is positive. A clinician reconciles them; the completed C-SSRS governs routing, so no further suicide risk assessment is flagged. Item 9 not given is worth asking (never read as agreeing).")]
[Kind(RuleKind.Info)]
[Source("Program policy (spec §2.3; §6.1 R2-9)", SourceStatus.Policy)]
public sealed class Phq9CssrsDiscordantAdvisoryRule : ScreeningRule
{
    public override void Define()
    {
        CssrsRisk risk = null!;
        Intake intake = null!;

        When()
            .Match(() => risk, r => r.Level != CssrsRiskLevel.Unknown)
            .Match(() => intake)
            .Having(() => intake.Instruments.Phq9.Item9 == null
                || (intake.Instruments.Phq9.Item9 >= Thresholds.Phq9Item9PositiveAtLeast) == (risk.Level == CssrsRiskLevel.None));

        Then()
            .Yield(_ => Evaluate(intake.Instruments.Phq9.Item9, risk.Level));
    }

    // Item 9 is in the minimum dataset (spec §10) and either answer can disagree with a completed C-SSRS: not given, it
    // is worth asking (its answer could add this advisory), never read as agreeing.
    private Finding Evaluate(int? item9, CssrsRiskLevel level) => item9 switch
    {
        null => Finding.OnlyWorthAsking(Self, Fields.Phq9Item9.Because("not given: a clinician compares it with the C-SSRS screener")),
        >= Thresholds.Phq9Item9PositiveAtLeast => Finding.Present(Self,
            $"PHQ-9 item 9 is {item9} but every C-SSRS item is 'no': a clinician should reconcile the two; the C-SSRS governs routing.",
            Item9Evidence(item9), new Evidence(Fields.Cssrs.Path, $"{ScreeningJson.NameOf(level)} risk")),
        _ => Finding.Present(Self,
            "PHQ-9 item 9 is 0 but the C-SSRS screener is positive: a clinician should reconcile the two; the C-SSRS governs routing.",
            Item9Evidence(item9), new Evidence(Fields.Cssrs.Path, $"{ScreeningJson.NameOf(level)} risk")),
    };

    private static Evidence Item9Evidence(int? item9) => new(Fields.Phq9Item9.Path, $"{item9}", $"≥ {Thresholds.Phq9Item9PositiveAtLeast}");
}
