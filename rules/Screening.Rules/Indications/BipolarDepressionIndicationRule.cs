using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_BIPOLAR_DEP")]
[Title("Bipolar depression")]
[Description("Bipolar I or II disorder with a current major depressive episode, PHQ-9 10 or more, YMRS 12 or less (no current mood elevation) and at least 1 failed adequate trial of a bipolar-depression treatment (a benzodiazepine, an opioid, an analgesic, a gabapentinoid or another drug of no mood-stabiliser, antipsychotic or antidepressant class does not count). Off-label ketamine, add-on to a mood stabiliser.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E3)]
[Source("CADTH 2019 (PMID 31873996): 'For patients with bipolar disorder, TRD is defined as a minimum of one prior treatment failure' [V]; Diazgranados 2010 (PMC3000408) and Zarate 2012 [P] add-on RCTs; PHQ-9 (Kroenke 2001) [V]; YMRS boundary [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.BipolarDepressionMinFailedTrials), nameof(ScreeningPolicy.YmrsElevationMin), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class BipolarDepressionIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder == Answer.Yes)
            .Match(() => history);

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Instruments, intake.Policy, history));
    }

    private IndicationAssessment Evaluate(DiagnosisAnswers d, InstrumentScores i, ScreeningPolicy policy, TreatmentHistory history) =>
        new IndicationCriteria()
            .RequireYes(d.CurrentMajorDepressiveEpisode, Fields.CurrentMajorDepressiveEpisode, "current major depressive episode")
            .RequireAtLeast(i.Phq9.Total, Thresholds.Phq9ModerateAtLeast, Fields.Phq9Total, "PHQ-9 total")
            .Require(Tri.Of(i.YmrsTotal is { } y ? y < policy.YmrsElevationMin : null),
                $"YMRS {(i.YmrsTotal is { } v ? v.ToString() : "not given")} (needs < {policy.YmrsElevationMin}, no current mood elevation)",
                i.YmrsTotal is { } ymrs ? [new Evidence(Fields.YmrsTotal.Path, ymrs.ToString(), $"< {policy.YmrsElevationMin}")] : [],
                [Fields.YmrsTotal])
            .RequireRefractory(Refractoriness.Assess(history, TrialCondition.BipolarDepression, policy.BipolarDepressionMinFailedTrials, policy.TrdRequireDistinctAgents, "bipolar-depression treatment trials in the current episode"))
            .Assess(Metadata);
}
