using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_PAIN_NEUROPATHIC")]
[Title("Neuropathic pain")]
[Description("A clinician diagnosis of neuropathic pain, DN4 4 or more, or LANSS 12 or more; pain for 3 months or more, average NRS 4 or more, and at least 2 failed first-line agents (gabapentinoid, SNRI, TCA). Off-label ketamine; weak or mixed evidence.")]
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
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Instruments, intake.Policy, history.For(TrialCondition.NeuropathicPain)));
    }

    private IndicationAssessment Evaluate(DiagnosisAnswers d, InstrumentScores i, ScreeningPolicy policy, IEnumerable<TrialAssessment> trials)
    {
        var dn4 = Tri.Of(i.Dn4Total is { } x ? x >= Thresholds.Dn4NeuropathicAtLeast : null);
        var lanss = Tri.Of(i.LanssTotal is { } y ? y >= Thresholds.LanssNeuropathicAtLeast : null);
        var neuropathic = Tri.Or(d.NeuropathicPain, dn4, lanss);

        var evidence = new List<Evidence> { new(Fields.NeuropathicPain.Path, Tri.Text(d.NeuropathicPain)) };
        if (i.Dn4Total is { } dn4Total)
        {
            evidence.Add(new Evidence(Fields.Dn4Total.Path, dn4Total.ToString(), $"≥ {Thresholds.Dn4NeuropathicAtLeast}"));
        }

        if (i.LanssTotal is { } lanssTotal)
        {
            evidence.Add(new Evidence(Fields.LanssTotal.Path, lanssTotal.ToString(), $"≥ {Thresholds.LanssNeuropathicAtLeast}"));
        }

        var missing = new[] { (d.NeuropathicPain, Fields.NeuropathicPain), (dn4, Fields.Dn4Total), (lanss, Fields.LanssTotal) }
            .Where(m => m.Item1 == Answer.Unknown).Select(m => m.Item2);

        return new IndicationCriteria()
            .Require(neuropathic,
                $"clinician diagnosis: {Tri.Text(d.NeuropathicPain)}, DN4 {i.Dn4Total?.ToString() ?? "not given"}, LANSS {i.LanssTotal?.ToString() ?? "not given"} (needs a diagnosis, DN4 ≥ {Thresholds.Dn4NeuropathicAtLeast} or LANSS ≥ {Thresholds.LanssNeuropathicAtLeast})",
                evidence, missing)
            .RequireChronicRefractoryPain(i, policy, trials)
            .Assess(Metadata);
    }
}
