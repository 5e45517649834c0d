using Screening.Domain.Json;

namespace Screening.Rules.Indications;

[Name(IndicationIds.Mdsi)]
[Title("Depression with acute suicidal ideation or behaviour (MDSI)")]
[Description("Major depressive disorder with a current major depressive episode and moderate or high C-SSRS risk. On-label for esketamine with an oral antidepressant, but never a routine referral: high risk goes to the crisis pathway, moderate to a psychiatrist.")]
[Kind(RuleKind.Indication)]
[Indication(RegulatoryStatus.OnLabelEsketamine, EvidenceLevel.E1)]
[Source("SPRAVATO USPI §1: depressive symptoms in adults with MDD with acute suicidal ideation or behavior, in conjunction with an oral antidepressant; not shown to prevent suicide; does not preclude hospitalization [V]", SourceStatus.Verified)]
[Priority(Stage.Indication)]
public sealed class SuicidalIdeationDepressionIndicationRule : ScreeningRule
{
    public override void Define()
    {
        CssrsRisk risk = null!;
        Intake intake = null!;

        When()
            .Match(() => risk, r => r.Level == CssrsRiskLevel.Moderate || r.Level == CssrsRiskLevel.High)
            .Match(() => intake, x => x.Diagnoses.BipolarDisorder != Answer.Yes, x => Triggers.Depression(x.Diagnoses, x.Instruments));

        Then()
            .Yield(_ => Evaluate(risk, intake.Diagnoses));
    }

    private IndicationAssessment Evaluate(CssrsRisk risk, DiagnosisAnswers d) =>
        new IndicationCriteria()
            .RequireYes(d.MajorDepressiveDisorder, Fields.MajorDepressiveDisorder, "major depressive disorder")
            .RequireNo(d.BipolarDisorder, Fields.BipolarDisorder, "bipolar disorder")
            .RequireYes(d.CurrentMajorDepressiveEpisode, Fields.CurrentMajorDepressiveEpisode, "current major depressive episode")
            .Require(Answer.Yes, $"C-SSRS risk {ScreeningJson.NameOf(risk.Level)}", risk.Evidence, [])
            .Assess(Metadata);
}
