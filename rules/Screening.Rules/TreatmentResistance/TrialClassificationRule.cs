namespace Screening.Rules.TreatmentResistance;

[Name("DERIVE_TRIAL_CLASSIFICATION")]
[Title("Treatment-trial classification")]
[Description("Classifies every treatment trial as a failed adequate trial (adequate dose, enough weeks at dose, non-response, current episode for depression), not counted (with the reason), or indeterminate (naming the unknown fields; an improvement percentage and rating that contradict each other about a response of 50 % or more are asked again, not read from either).")]
[Kind(RuleKind.Derivation)]
[Source("spec §3.2 program default: USPI/EMA 'adequate dose and duration' [V]; Delphi (Sforzini 2022) rec. 10 early stops not failures [V]; consensus 2021 non-response < 50 % [V]; 6-week setting (TRANSFORM/MGH-ATRQ) [U]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.TrialMinWeeksAtDose), nameof(ScreeningPolicy.NonResponseMaxImprovementPercent), nameof(ScreeningPolicy.TrdRequireCurrentEpisode))]
[Priority(Stage.Derivation)]
public sealed class TrialClassificationRule : ScreeningRule
{
    public override void Define()
    {
        Intake intake = null!;

        When()
            .Match(() => intake);

        Then()
            .Yield(_ => TrialClassifier.History(intake.TreatmentTrials, intake.Policy));
    }
}
