namespace Screening.Rules.Advisories;

[Name("INFO_REPRODUCTIVE_POTENTIAL")]
[Title("Reproductive potential")]
[Description("Able to become pregnant: counsel on pregnancy planning and prevention; highly effective contraception during treatment and for 6 weeks after the last dose. Unanswered for a patient who is not male at birth, the question is worth asking (never read as 'no').")]
[Kind(RuleKind.Info)]
[Source("SPRAVATO USPI warnings 'consider pregnancy planning and prevention' (usmedicine p.33) [V]; MIMS Philippines SmPC: contraception up to 6 weeks after the last treatment [V]", SourceStatus.Verified)]
public sealed class ReproductivePotentialAdvisoryRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake, x => x.Patient.AbleToBecomePregnant == Answer.Yes
                || (x.Patient.AbleToBecomePregnant == Answer.Unknown && x.Patient.SexAtBirth != SexAtBirth.Male));

        Then()
            .Yield(_ => Evaluate(intake.Patient.AbleToBecomePregnant));
    }

    // Unanswered (and not male at birth, as in R2-4), the answer could add this advisory: worth asking, never blocking.
    private Finding Evaluate(Answer ableToBecomePregnant) => ableToBecomePregnant == Answer.Yes
        ? Finding.Present(Self,
            "Able to become pregnant: counsel on pregnancy planning and prevention; the SmPC advises highly effective contraception during treatment and for 6 weeks after the last dose.",
            new Evidence(Fields.AbleToBecomePregnant.Path, "yes"))
        : Finding.OnlyWorthAsking(Self, Fields.AbleToBecomePregnant);
}
