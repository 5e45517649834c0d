namespace Screening.Rules.Cautions;

[Name("RC_RESPIRATORY")]
[Title("Significant respiratory disease")]
[Description("Significant pulmonary insufficiency (including COPD), or sleep apnoea with obesity (BMI 30 or more), is a caution: respiratory depression is a boxed warning and pulse oximetry is required at each session.")]
[Kind(RuleKind.Relative)]
[Source("EU patient information leaflet (medikamio PT): lung problems including COPD; sleep apnoea with excess weight [V]; USPI boxed warning respiratory depression [V]; obesity as BMI ≥ 30 (WHO)", SourceStatus.Verified)]
public sealed class RespiratoryCautionRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;
        Finding? finding = null;

        When()
            .Match(() => intake, x => x.Contraindications.SignificantPulmonaryInsufficiency != Answer.No || x.Contraindications.SleepApnoea != Answer.No)
            .Let(() => finding, () => Evaluate(intake.Contraindications, intake.Measures))
            .Having(() => finding != null);

        Then()
            .Yield(_ => finding!);
    }

    private Finding? Evaluate(ContraindicationAnswers answers, ClinicalMeasures measures)
    {
        // Sleep apnoea is a caution only with obesity; without a BMI that part cannot be decided.
        var apnoeaWithObesity = answers.SleepApnoea == Answer.No ? Answer.No
            : Tri.And(answers.SleepApnoea, Tri.Of(measures.Bmi is { } b ? b >= Thresholds.ObesityBmiAtLeast : null));

        if (answers.SignificantPulmonaryInsufficiency == Answer.Yes || apnoeaWithObesity == Answer.Yes)
        {
            var evidence = new List<Evidence>();
            var what = new List<string>();
            if (answers.SignificantPulmonaryInsufficiency == Answer.Yes)
            {
                evidence.Add(new Evidence(Fields.SignificantPulmonaryInsufficiency.Path, "yes"));
                what.Add("lung disease that limits breathing (e.g. COPD)");
            }

            if (apnoeaWithObesity == Answer.Yes)
            {
                evidence.Add(new Evidence(Fields.SleepApnoea.Path, "yes"));
                evidence.Add(new Evidence(Fields.Bmi.Path, $"BMI {measures.Bmi:0.0} kg/m²", $"≥ {Thresholds.ObesityBmiAtLeast} kg/m²"));
                what.Add($"sleep apnoea with obesity (BMI {measures.Bmi:0.0})");
            }

            return Finding.Present(Self,
                $"{Capitalize(string.Join(" and ", what))}: respiratory depression is a boxed warning; pulse oximetry at each session. Specialist review.",
                evidence.ToArray());
        }

        var missing = new List<IntakeField>();
        if (answers.SignificantPulmonaryInsufficiency == Answer.Unknown)
        {
            missing.Add(Fields.SignificantPulmonaryInsufficiency);
        }

        if (answers.SleepApnoea == Answer.Unknown)
        {
            missing.Add(Fields.SleepApnoea);
        }
        else if (apnoeaWithObesity == Answer.Unknown)
        {
            missing.AddRange([Fields.HeightCm, Fields.WeightKg]);
        }

        return missing.Count > 0 ? Finding.Unknown(Self, missing) : null;
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
