using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

[Name("IND_PTSD")]
[Title("Post-traumatic stress disorder")]
[Description("A clinician PTSD diagnosis (CAPS-5) or PCL-5 33 or more; PCL-5 31-32 without a clinician diagnosis is indeterminate; PCL-5 30 or less without a diagnosis is not met. At least 1 failed first-line treatment (trauma-focused psychotherapy or an adequate SSRI/SNRI trial). Off-label ketamine, mixed evidence.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OffLabelKetamine, EvidenceLevel.E3)]
[Source("PCL-5 cut-point 31-33 (National Center for PTSD; comorbidityguidelines.org.au) [V]; Feder 2021 RCT positive, Abdallah 2022 RCT negative [V]; CADTH 2024 RC1522 uncertain [V]; cut-off 33, grey zone and failed-treatment count [POLICY]", SourceStatus.Policy)]
[UsesPolicy(nameof(ScreeningPolicy.Pcl5Cutoff), nameof(ScreeningPolicy.Pcl5GreyZoneMin), nameof(ScreeningPolicy.PtsdMinFailedTreatments), nameof(ScreeningPolicy.TrdRequireDistinctAgents), nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent))]
[Priority(Stage.Indication)]
public sealed class PtsdIndicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        TreatmentHistory history = null!;

        When()
            .Match(() => intake, x => Triggers.Ptsd(x.Diagnoses, x.Instruments))
            .Match(() => history);

        Then()
            .Yield(_ => Evaluate(intake.Diagnoses, intake.Instruments, intake.Policy, history));
    }

    private IndicationAssessment Evaluate(DiagnosisAnswers d, InstrumentScores i, ScreeningPolicy policy, TreatmentHistory history)
    {
        var pcl5 = i.Pcl5Total;
        var evidence = new List<Evidence> { new(Fields.Ptsd.Path, Tri.Text(d.Ptsd)) };
        if (pcl5 is { } score)
        {
            evidence.Add(new Evidence(Fields.Pcl5Total.Path, score.ToString(), $"≥ {policy.Pcl5Cutoff} (grey zone {policy.Pcl5GreyZoneMin}-{policy.Pcl5Cutoff - 1})"));
        }

        // A clinician diagnosis or a PCL-5 at the cut-off establishes PTSD; below the grey zone, without a diagnosis
        // (no or unanswered), it is not met (R2-5); in the grey zone a clinician's assessment decides.
        var inGreyZone = pcl5 >= policy.Pcl5GreyZoneMin && pcl5 < policy.Pcl5Cutoff;
        var diagnosed = d.Ptsd == Answer.Yes || pcl5 >= policy.Pcl5Cutoff ? Answer.Yes
            : pcl5 < policy.Pcl5GreyZoneMin ? Answer.No
            : Answer.Unknown;
        var description = $"clinician diagnosis: {Tri.Text(d.Ptsd)}, PCL-5 {(pcl5 is { } p ? p.ToString() : "not given")} (needs a clinician diagnosis or PCL-5 ≥ {policy.Pcl5Cutoff}"
            + (inGreyZone && d.Ptsd != Answer.Yes ? $"; {pcl5} is in the grey zone {policy.Pcl5GreyZoneMin}-{policy.Pcl5Cutoff - 1}: a clinician assessment (CAPS-5) decides)" : ")");

        return new IndicationCriteria()
            .Require(diagnosed, description, evidence,
                [Fields.Ptsd.Because($"PCL-5 {pcl5} is in the grey zone {policy.Pcl5GreyZoneMin}-{policy.Pcl5Cutoff - 1}: a clinician assessment (CAPS-5) decides")])
            .RequireRefractory(Refractoriness.Assess(history, TrialCondition.Ptsd, policy.PtsdMinFailedTreatments, policy.TrdRequireDistinctAgents, "first-line PTSD treatments"))
            .Assess(Metadata);
    }
}
