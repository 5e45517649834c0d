using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_PAIN_NEUROPATHIC")]
[Title("Neuropathic pain")]
[Description("A clinician diagnosis of neuropathic pain, DN4 4 or more, or LANSS 12 or more (one administered instrument below its cut-off, with no diagnosis, is not met: the other is not asked for); pain for 3 months or more, average NRS 4 or more, and at least 2 failed first-line agents (gabapentinoid, SNRI, TCA). Off-label ketamine; weak or mixed evidence.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E4)]
[Source("DN4 ≥ 4 (Bouhassira 2005) [P]; LANSS ≥ 12 (PMC7136290) [V]; Cohen 2018 weak evidence for mixed neuropathic pain [P]; NRS ≥ 4 and failed-treatment count [POLICY]", SourceStatus.Published)]
[UsesPolicy(nameof(ScreeningPolicy.PainNrsMin), nameof(ScreeningPolicy.PainMinFailedTreatments), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class NeuropathicPainIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => Triggers.NeuropathicPain(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Instruments, intake.Policy, history));
    }

    private IndicationAssessment Evaluate(DiagnosisAnswers d, InstrumentScores i, ScreeningPolicy policy, TreatmentHistory history)
    {
        var dn4 = Tri.Of(i.Dn4Total is { } x ? x >= Thresholds.Dn4NeuropathicAtLeast : null);
        var lanss = Tri.Of(i.LanssTotal is { } y ? y >= Thresholds.LanssNeuropathicAtLeast : null);

        // R2-5: one administered instrument below its cut-off decides the screen; the other is not asked for.
        var screen = Tri.Or(dn4, lanss) == Answer.Yes ? Answer.Yes
            : dn4 == Answer.No || lanss == Answer.No ? Answer.No
            : Answer.Unknown;

        var evidence = new List<Evidence>();
        if (i.Dn4Total is { } dn4Total)
        {
            evidence.Add(new Evidence(Fields.Dn4Total.Path, dn4Total.ToString(), $"≥ {Thresholds.Dn4NeuropathicAtLeast}"));
        }

        if (i.LanssTotal is { } lanssTotal)
        {
            evidence.Add(new Evidence(Fields.LanssTotal.Path, lanssTotal.ToString(), $"≥ {Thresholds.LanssNeuropathicAtLeast}"));
        }

        return new IndicationCriteria()
            .RequireDiagnosisOrScreen(d.NeuropathicPain, Fields.NeuropathicPain, screen, [Fields.Dn4Total, Fields.LanssTotal],
                $"clinician diagnosis: {Tri.Text(d.NeuropathicPain)}, DN4 {i.Dn4Total?.ToString() ?? "not given"}, LANSS {i.LanssTotal?.ToString() ?? "not given"} (needs a diagnosis, DN4 ≥ {Thresholds.Dn4NeuropathicAtLeast} or LANSS ≥ {Thresholds.LanssNeuropathicAtLeast})",
                evidence)
            .RequireChronicRefractoryPain(i, policy, history, TrialCondition.NeuropathicPain, "first-line neuropathic pain agents")
            .Assess(Metadata);
    }
}
