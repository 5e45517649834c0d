namespace Screening.Rules.Cautions;

[Name("RC_ELEVATED_BP")]
[Title("Elevated blood pressure")]
[Description("Seated blood pressure above 140 systolic or above 90 diastolic (strictly: 140/90 is not elevated), below the severe thresholds: weigh delaying treatment and optimise blood pressure.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI (2019) §5.6: 'In patients whose BP is elevated prior to SPRAVATO administration (as a general guide: >140/90 mmHg) a decision to delay SPRAVATO therapy should take into account the balance of benefit and risk'", SourceStatus.Verified)]
public sealed class ElevatedBloodPressureCautionRule : ScreeningRule
{
    public override void Define()
    {
        BloodPressureGate gate = null!;

        When()
            .Match(() => gate, g => g.Category == BloodPressureCategory.Elevated);

        Then()
            .Yield(_ => Evaluate(gate));
    }

    private Finding Evaluate(BloodPressureGate gate)
    {
        var parts = new List<string>();
        if (gate.Systolic > Thresholds.ElevatedSystolicAbove)
        {
            parts.Add($"systolic {BloodPressureMeasure.Text(gate.Systolic)} mmHg is above {Thresholds.ElevatedSystolicAbove} mmHg");
        }

        if (gate.Diastolic > Thresholds.ElevatedDiastolicAbove)
        {
            parts.Add($"diastolic {BloodPressureMeasure.Text(gate.Diastolic)} mmHg is above {Thresholds.ElevatedDiastolicAbove} mmHg");
        }

        return Finding.Present(Self,
            $"Blood pressure {gate.Reading.Describe()}: {string.Join(" and ", parts)}, the general guide in the SPRAVATO prescribing information (§5.6): weigh delaying treatment and optimise blood pressure.",
            [.. gate.Evidence($"> {Thresholds.ElevatedSystolicAbove} mmHg", $"> {Thresholds.ElevatedDiastolicAbove} mmHg")]);
    }
}
