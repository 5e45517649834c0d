namespace Screening.Rules.Contraindications;

[Name("CI_RAISED_ICP")]
[Title("Raised intracranial pressure risk")]
[Description("A condition in which an increase in intracranial pressure poses a serious risk (intracranial mass, hydrocephalus or shunt, recent significant head injury) is an absolute contraindication.")]
[Kind(RuleKind.Absolute)]
[Source("SPRAVATO USPI (2019) §5.6 'contraindicated in patients for whom an increase in BP or intracranial pressure poses a serious risk'; EU SmPC 4.3 [V]; Cohen 2018 [P]", SourceStatus.Verified)]
public sealed class RaisedIntracranialPressureContraindicationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Contraindications.RaisedIntracranialPressureRisk != Answer.No);

        Then()
            .Yield(_ => FromAnswer(intake.Contraindications.RaisedIntracranialPressureRisk, Fields.RaisedIntracranialPressureRisk,
                "A condition in which raised intracranial pressure poses a serious risk is reported: ketamine and esketamine raise intracranial pressure and are contraindicated (SPRAVATO prescribing information §5.6; EU SmPC 4.3)."));
    }
}
