using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name(IndicationIds.Trd)]
[Title("Treatment-resistant depression")]
[Description("Major depressive disorder (unipolar), a current major depressive episode, PHQ-9 10 or more, and at least 2 failed adequate antidepressant trials in the current episode (distinct agents). Bipolar depression is evaluated under IND_BIPOLAR_DEP instead.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OnLabelEsketamine, EvidenceLevel.E1)]
[Source("SPRAVATO USPI §1: TRD in adults (monotherapy since Jan 2025) [V]; EU SmPC 4.1 'not responded to at least two different treatments ... in the current moderate to severe depressive episode' [V]; PHQ-9 ≥ 10 (Kroenke 2001) [V]; Delphi TRD definition excludes bipolar depression [V]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.TrdMinFailedTrials), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrdRequireCurrentEpisode), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class TreatmentResistantDepressionIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder != Answer.Yes, x => Triggers.Depression(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Instruments, intake.Policy, history));
    }

    private IndicationAssessment Evaluate(DiagnosisAnswers d, InstrumentScores i, ScreeningPolicy policy, TreatmentHistory history) =>
        new IndicationCriteria()
            .RequireYes(d.MajorDepressiveDisorder, Fields.MajorDepressiveDisorder, "major depressive disorder")
            .RequireNo(d.BipolarDisorder, Fields.BipolarDisorder, "bipolar disorder")
            .RequireYes(d.CurrentMajorDepressiveEpisode, Fields.CurrentMajorDepressiveEpisode, "current major depressive episode")
            .RequireAtLeast(i.Phq9.Total, Thresholds.Phq9ModerateAtLeast, Fields.Phq9Total, "PHQ-9 total")
            .RequireRefractory(Refractoriness.Assess(history, TrialCondition.Depression, policy.TrdMinFailedTrials, policy.TrdRequireDistinctAgents, "antidepressant trials in the current episode"))
            .Assess(Metadata);
}
