using Screening.Domain.Json;

namespace Screening.Rules.Advisories;

[Name("INFO_PHQ9_CSSRS_DISCORDANT")]
[Title("PHQ-9 item 9 and C-SSRS disagree")]
[Description("With a completed C-SSRS screener: PHQ-9 item 9 is 1 or more but every C-SSRS item is 'no', or item 9 is 0 but the C-SSRS is positive. A clinician reconciles them; the completed C-SSRS governs routing, so no further suicide risk assessment is flagged.")]
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
            .Match(() => intake, x => x.Instruments.Phq9.Item9 != null)
            .Having(() => (intake.Instruments.Phq9.Item9 >= Thresholds.Phq9Item9PositiveAtLeast) == (risk.Level == CssrsRiskLevel.None));

        Then()
            .Yield(_ => Finding.Present(Self,
                intake.Instruments.Phq9.Item9 >= Thresholds.Phq9Item9PositiveAtLeast
                    ? $"PHQ-9 item 9 is {intake.Instruments.Phq9.Item9} but every C-SSRS item is 'no': a clinician should reconcile the two; the C-SSRS governs routing."
                    : "PHQ-9 item 9 is 0 but the C-SSRS screener is positive: a clinician should reconcile the two; the C-SSRS governs routing.",
                new Evidence(Fields.Phq9Item9.Path, $"{intake.Instruments.Phq9.Item9}", $"≥ {Thresholds.Phq9Item9PositiveAtLeast}"),
                new Evidence(Fields.Cssrs.Path, $"{ScreeningJson.NameOf(risk.Level)} risk")));
    }
}
