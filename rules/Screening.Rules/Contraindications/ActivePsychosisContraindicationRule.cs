namespace Screening.Rules.Contraindications;

[Name("CI_ACTIVE_PSYCHOSIS")]
[Title("Active psychosis")]
[Description("Current psychotic symptoms (hallucinations, delusions), including depression with psychotic features or active schizophrenia-spectrum illness, exclude treatment while active; re-screen when resolved.")]
[Kind(RuleKind.Temporary)]
[Rescreen("when the psychotic symptoms have resolved")]
[Source("Cohen 2018: ketamine infusions should not be performed in patients with active psychosis [P]; SPRAVATO USPI §5.2 carefully assess patients with psychosis [V]; phase 3 TRD trials enrolled non-psychotic depression [V]; exclusion while active [POLICY]", SourceStatus.Published)]
public sealed class ActivePsychosisContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Diagnoses.CurrentPsychoticSymptoms != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Diagnoses.CurrentPsychoticSymptoms, Fields.CurrentPsychoticSymptoms,
                "Current psychotic symptoms reported: ketamine should not be given during active psychosis (Cohen 2018; SPRAVATO prescribing information §5.2). Temporarily excluded; re-screen when the psychosis has resolved."));
    }
}
