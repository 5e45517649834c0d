using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_PAIN_CRPS")]
[Title("Complex regional pain syndrome")]
[Description("A clinician CRPS diagnosis or the Budapest clinical criteria met, pain for 3 months or more, average pain NRS 4 or more, and at least 2 failed conventional treatments. Off-label IV ketamine; moderate evidence for CRPS.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E2)]
[Source("Cohen 2018 (Reg Anesth Pain Med 43:521) moderate evidence for CRPS [P]; Budapest criteria (Harden 2010; PMC8970239) [V]; chronic pain ≥ 3 months (Treede 2019) [V]; NRS ≥ 4 and failed-treatment count [POLICY]", SourceStatus.Published)]
[UsesPolicy(nameof(ScreeningPolicy.PainNrsMin), nameof(ScreeningPolicy.PainMinFailedTreatments), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class CrpsIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => Triggers.Crps(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => new IndicationCriteria()
                .RequireCrpsDiagnosisOrBudapest(intake.Diagnoses, intake.Instruments.Budapest)
                .RequireChronicRefractoryPain(intake.Instruments, intake.Policy, history, TrialCondition.Crps, "conventional CRPS treatments")
                .Assess(Metadata));
    }
}
