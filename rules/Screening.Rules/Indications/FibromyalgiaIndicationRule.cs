using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_PAIN_FIBROMYALGIA")]
[Title("Fibromyalgia")]
[Description("ACR 2016 criteria (WPI 7 or more with SSS 5 or more, or WPI 4-6 with SSS 9 or more; pain in 4 of 5 regions), symptoms for 3 months or more, average pain NRS 4 or more, and at least 2 failed treatments. Off-label ketamine; weak or no evidence.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E4)]
[Source("ACR 2016 (Wolfe 2016, Semin Arthritis Rheum 46:319) [V]; Cohen 2018 weak or no evidence for fibromyalgia [P]; CADTH RC1521 short-term relief only [V]; NRS ≥ 4 and failed-treatment count [POLICY]", SourceStatus.Published)]
[UsesPolicy(nameof(ScreeningPolicy.PainNrsMin), nameof(ScreeningPolicy.PainMinFailedTreatments), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class FibromyalgiaIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => Triggers.Fibromyalgia(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => new IndicationCriteria()
                .RequireAcr2016(intake.Instruments.Acr2016)
                .RequireChronicRefractoryPain(intake.Instruments, intake.Policy, history, TrialCondition.Fibromyalgia, "fibromyalgia treatments")
                .Assess(Metadata));
    }
}
