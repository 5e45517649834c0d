using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_OCD")]
[Title("Obsessive-compulsive disorder")]
[Description("A clinician OCD diagnosis with Y-BOCS 16 or more (moderate or worse), and at least 2 failed adequate SRI trials or completed ERP. Off-label ketamine; the specification rates the evidence E3/E4 (one small randomised crossover trial positive, one open-label study negative): encoded as E3.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E3)]
[Source("Y-BOCS bands (Goodman 1989) [V]; Rodriguez 2013 crossover RCT (PMC3799067) [V]; Bloch 2012 open-label [V]; failed-treatment count [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.OcdMinFailedTreatments), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class OcdIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => Triggers.Ocd(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Instruments, intake.Policy, history));
    }

    private IndicationAssessment Evaluate(DiagnosisAnswers d, InstrumentScores i, ScreeningPolicy policy, TreatmentHistory history) =>
        new IndicationCriteria()
            .RequireYes(d.Ocd, Fields.Ocd, "clinician OCD diagnosis")
            .RequireAtLeast(i.YbocsTotal, Thresholds.YbocsModerateAtLeast, Fields.YbocsTotal, "Y-BOCS total")
            .RequireRefractory(Refractoriness.AssessOcd(history, policy.OcdMinFailedTreatments, policy.TrdRequireDistinctAgents))
            .Assess(Metadata);
}
