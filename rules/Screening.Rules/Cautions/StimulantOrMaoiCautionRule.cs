namespace Screening.Rules.Cautions;

[Name("RC_STIMULANT_MAOI")]
[Title("Psychostimulants or MAO inhibitors")]
[Description("Psychostimulants (amphetamines, methylphenidate, modafinil, armodafinil) or MAO inhibitors (phenelzine, tranylcypromine, isocarboxazid, selegiline): blood pressure rises more; monitor closely.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §5.6: 'Closely monitor blood pressure with concomitant use of SPRAVATO with psychostimulants or monoamine oxidase inhibitors (MAOIs)'", SourceStatus.Verified)]
public sealed class StimulantOrMaoiCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => Tri.AnyOpen(x.Medications.Psychostimulants, x.Medications.Maoi));

        Then()
            .Yield(_ => Evaluate(intake.Medications));
    }

    private Finding Evaluate(CurrentMedications medications) => FromAnyAnswer(
        what => $"Current {what}: blood pressure rises more with esketamine; monitor blood pressure closely (SPRAVATO prescribing information §5.6). Specialist review.",
        (medications.Psychostimulants, Fields.Psychostimulants, "psychostimulants"),
        (medications.Maoi, Fields.Maoi, "MAO inhibitors"))!;
}
