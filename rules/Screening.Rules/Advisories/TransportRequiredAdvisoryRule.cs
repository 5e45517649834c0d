namespace Screening.Rules.Advisories;

[Name("INFO_TRANSPORT_REQUIRED")]
[Title("Transport home required")]
[Description("After each session the patient must not drive or operate machinery until the next day after a restful sleep, and needs someone to take them home.")]
[Kind(RuleKind.Info)]
[Source("SPRAVATO USPI §5.8 and §17: do not drive or operate machinery until the next day after a restful sleep", SourceStatus.Verified)]
public sealed class TransportRequiredAdvisoryRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake);

        Then()
            .Yield(_ => Finding.Present(Self,
                "The patient must not drive or operate machinery until the next day after a restful sleep, and needs someone to take them home after each session (SPRAVATO prescribing information §5.8). "
                + (intake.Logistics.TransportHomeArranged == Answer.Yes ? "Transport home is arranged." : "Transport home is not yet confirmed: arrange it before the first session."),
                new Evidence(Fields.TransportHomeArranged.Path, Tri.Text(intake.Logistics.TransportHomeArranged))));
    }
}
