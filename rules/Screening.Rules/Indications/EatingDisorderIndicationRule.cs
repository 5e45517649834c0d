using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_EATING_DISORDER")]
[Title("Eating disorder")]
[Description("A clinician diagnosis (anorexia nervosa, bulimia nervosa, binge-eating disorder), or SCOFF 2 or more with an EDE-Q global score at or above the policy cut-off (4.0), and at least 1 failed evidence-based treatment (a benzodiazepine, an opioid, an analgesic, a gabapentinoid or another drug of no mood-stabiliser, antipsychotic or antidepressant class does not count); medically stable. Off-label ketamine, case series only.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E4)]
[Source("SCOFF ≥ 2 (Morgan 1999) [V]; EDE-Q ≥ 4.0 (Mond 2008) [U]; Ragnhildstveit 2022 (Brain Sci 12:382): case series and reports only [V]; failed-treatment count [POLICY]", SourceStatus.Unverified)]
[UsesPolicy(nameof(ScreeningPolicy.EdeqGlobalCutoff), nameof(ScreeningPolicy.EatingDisorderMinFailedTreatments), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class EatingDisorderIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => Triggers.EatingDisorder(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Instruments, intake.Policy, history));
    }

    private IndicationAssessment Evaluate(DiagnosisAnswers d, InstrumentScores i, ScreeningPolicy policy, TreatmentHistory history)
    {
        var scoff = Tri.Of(i.ScoffTotal is { } s ? s >= Thresholds.ScoffLikelyAtLeast : null);
        var edeq = Tri.Of(i.EdeqGlobal is { } e ? e >= policy.EdeqGlobalCutoff : null);
        var screened = Tri.And(scoff, edeq);

        var evidence = new List<Evidence>();
        if (i.ScoffTotal is { } scoffTotal)
        {
            evidence.Add(new Evidence(Fields.ScoffTotal.Path, scoffTotal.ToString(), $"≥ {Thresholds.ScoffLikelyAtLeast}"));
        }

        if (i.EdeqGlobal is { } edeqGlobal)
        {
            evidence.Add(new Evidence(Fields.EdeqGlobal.Path, edeqGlobal.ToString("0.0#"), $"≥ {policy.EdeqGlobalCutoff:0.0}"));
        }

        var screenMissing = new[] { (scoff, Fields.ScoffTotal), (edeq, Fields.EdeqGlobal) }.Where(x => x.Item1 == Answer.Unknown).Select(x => x.Item2);
        return new IndicationCriteria()
            .RequireDiagnosisOrScreen(d.EatingDisorder, Fields.EatingDisorder, screened, screenMissing,
                $"clinician diagnosis: {Tri.Text(d.EatingDisorder)}, SCOFF {i.ScoffTotal?.ToString() ?? "not given"}, EDE-Q global {i.EdeqGlobal?.ToString("0.0#") ?? "not given"} (needs a diagnosis, or SCOFF ≥ {Thresholds.ScoffLikelyAtLeast} with EDE-Q ≥ {policy.EdeqGlobalCutoff:0.0})",
                evidence)
            .RequireRefractory(Refractoriness.Assess(history, TrialCondition.EatingDisorder, policy.EatingDisorderMinFailedTreatments, policy.TrdRequireDistinctAgents, "eating-disorder treatments"))
            .Assess(Metadata);
    }
}
