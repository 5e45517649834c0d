using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_ANXIETY")]
[Title("Anxiety disorder (GAD, social anxiety, panic)")]
[Description("GAD-7 10 or more (moderate anxiety or worse) and at least 2 failed first-line treatments (an adequate SSRI/SNRI trial and/or CBT). Off-label ketamine.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E3)]
[Source("GAD-7 ≥ 10 (Spitzer 2006) [V]; Taylor 2018 crossover RCT in SAD (PMC5729569) [V]; Glue 2017/2018 open-label [V]; Sanacora 2017 abstract [V]; failed-treatment count [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.AnxietyMinFailedTreatments), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class AnxietyIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => Triggers.Anxiety(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => Evaluate(intake.Instruments, intake.Policy, history));
    }

    private IndicationAssessment Evaluate(InstrumentScores i, ScreeningPolicy policy, TreatmentHistory history) =>
        new IndicationCriteria()
            .RequireAtLeast(i.Gad7Total, Thresholds.Gad7ModerateAtLeast, Fields.Gad7Total, "GAD-7 total")
            .RequireRefractory(Refractoriness.Assess(history, TrialCondition.Anxiety, policy.AnxietyMinFailedTreatments, policy.TrdRequireDistinctAgents, "first-line anxiety treatments"))
            .Assess(Metadata);
}
