namespace Screening.Rules.Cautions;

[Name("RC_PSYCHOSIS_HISTORY")]
[Title("History of psychosis")]
[Description("A past (not current) psychotic disorder or episode: treat only if the benefit outweighs the risk. Current psychosis is CI_ACTIVE_PSYCHOSIS instead.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §5.2: 'carefully assess patients with psychosis before administering SPRAVATO; treatment should be initiated only if the benefit outweighs the risk' [V]; EU PIL [V]", SourceStatus.Verified)]
public sealed class PsychosisHistoryCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Diagnoses.PsychoticDisorderHistory != Answer.No, x => x.Diagnoses.CurrentPsychoticSymptoms != Answer.Yes);

        Then()
            .Yield(_ => FromAnswer(intake.Diagnoses.PsychoticDisorderHistory, Fields.PsychoticDisorderHistory,
                "Past psychotic disorder or episode reported: ketamine can provoke psychotic symptoms; treat only if the benefit outweighs the risk (SPRAVATO prescribing information §5.2). Specialist review."));
    }
}
