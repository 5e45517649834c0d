using Screening.Engine;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Outcome;

/// <summary>
/// Every pair of outcome categories that can both apply, resolved as spec §9.2 says: the full ruleset runs,
/// and the category, the decisive reasons and the missing information are checked.
/// </summary>
public class OutcomePrecedenceTests
{
    private static readonly ScreeningEngine Engine = new(new ScreeningPolicy(), TimeProvider.System);

    private static ScreeningResult Evaluate(ScreeningRequest request) => Engine.Evaluate(request);

    private static readonly CssrsScreener HighRisk = IntakeChanges.AllNo() with { SuicidalThoughts = Answer.Yes, IntentWithPlan = Answer.Yes };
    private static readonly CssrsScreener ModerateRisk = IntakeChanges.AllNo() with { SuicidalBehaviorLifetime = Answer.Yes, SuicidalBehaviorPast3Months = Answer.No };

    private static ScreeningRequest WithAvm(ScreeningRequest r) => r.WithContraindications(c => c with { ArteriovenousMalformation = Answer.Yes });

    /// <summary>The result lists exactly one question, worth asking (not blocking), whose answer could lead to <paramref name="leadsTo"/>.</summary>
    private static void AssertOnlyWorthAsking(ScreeningResult result, string field, OutcomeCategory leadsTo)
    {
        var missing = Assert.Single(result.MissingInformation);
        Assert.Equal(field, missing.Field);
        Assert.Equal(leadsTo, missing.CouldChangeOutcomeTo);
        Assert.False(missing.Blocking);
    }

    private static string[] Decisive(ScreeningResult result) => result.Reasons.Where(r => r.Decisive).Select(r => r.RuleId).ToArray();

    [Fact]
    public void Urgent_beats_contraindicated_and_lists_the_contraindication_as_secondary()
    {
        var result = Evaluate(WithAvm(Intakes.Refer().WithCssrs(HighRisk)));

        Assert.Equal(OutcomeCategory.UrgentCrisisReferral, result.Outcome.Category);
        Assert.Equal(UrgentSubtype.Psychiatric, result.Outcome.Subtype);
        Assert.Equal(["URG_SUICIDE_RISK_HIGH"], Decisive(result));
        Assert.Contains("CI_AVM", result.Outcome.SecondaryFindings);
    }

    [Fact]
    public void Urgent_beats_insufficient_information_and_passes_the_incomplete_suicide_screen_on()
    {
        var result = Evaluate(Intakes.Refer().WithCssrs(new CssrsScreener()).WithDiagnoses(d => d with { EatingDisorder = Answer.Yes }).WithVitals(v => v with { HeartRateBpm = 35 }));

        Assert.Equal(OutcomeCategory.UrgentCrisisReferral, result.Outcome.Category);
        Assert.Equal(UrgentSubtype.Medical, result.Outcome.Subtype);

        // R2-9: the emergency team treating the bradycardia is told that the suicide screen is incomplete, without
        // holding the referral; its unanswered items could add a psychiatric emergency.
        Assert.True(result.Outcome.SafetyFollowUpRequired);
        Assert.Contains("do not delay this referral", result.Outcome.SafetyAdvisory, StringComparison.Ordinal);
        Assert.Contains(result.MissingInformation, m => m.Field == "instruments.cssrs.intentWithPlan");
        Assert.All(result.MissingInformation, m =>
        {
            Assert.False(m.Blocking);
            Assert.Equal(OutcomeCategory.UrgentCrisisReferral, m.CouldChangeOutcomeTo);
        });
        Assert.Contains("could add a further urgent finding", result.Outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Urgent_with_a_completed_suicide_screen_needs_no_follow_up_and_lists_nothing()
    {
        var result = Evaluate(Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = Answer.Yes }).WithVitals(v => v with { HeartRateBpm = 35 }));

        Assert.Equal(OutcomeCategory.UrgentCrisisReferral, result.Outcome.Category);
        Assert.False(result.Outcome.SafetyFollowUpRequired);
        Assert.Null(result.Outcome.SafetyAdvisory);
        Assert.Empty(result.MissingInformation);
    }

    [Fact]
    public void A_psychiatric_emergency_lists_the_unanswered_crisis_symptoms_that_could_add_a_medical_one()
    {
        var result = Evaluate(Intakes.Refer().WithCssrs(HighRisk).WithBloodPressure(190, 100).WithVitals(v => v with { HypertensiveCrisisSymptoms = Answer.Unknown }));

        Assert.Equal(OutcomeCategory.UrgentCrisisReferral, result.Outcome.Category);
        Assert.Equal(UrgentSubtype.Psychiatric, result.Outcome.Subtype);
        var symptoms = Assert.Single(result.MissingInformation);
        Assert.Equal("vitals.hypertensiveCrisisSymptoms", symptoms.Field);
        Assert.False(symptoms.Blocking);
        Assert.False(result.Outcome.SafetyFollowUpRequired);
    }

    [Fact]
    public void Urgent_beats_criteria_not_met() =>
        Assert.Equal(OutcomeCategory.UrgentCrisisReferral, Evaluate(Intakes.Refer().WithPhq9(6).WithCssrs(HighRisk)).Outcome.Category);

    [Fact]
    public void Urgent_beats_specialist_review_and_a_medical_emergency_decides_the_subtype()
    {
        var result = Evaluate(Intakes.Refer().WithCssrs(HighRisk).WithBloodPressure(190, 100).WithVitals(v => v with { HypertensiveCrisisSymptoms = Answer.Yes }));

        Assert.Equal(OutcomeCategory.UrgentCrisisReferral, result.Outcome.Category);
        Assert.Equal(UrgentSubtype.Medical, result.Outcome.Subtype);
        Assert.Equal(["URG_HYPERTENSIVE_EMERGENCY", "URG_SUICIDE_RISK_HIGH"], Decisive(result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Urgent_beats_refer() =>
        Assert.Equal(OutcomeCategory.UrgentCrisisReferral, Evaluate(Intakes.Refer().WithCssrs(HighRisk)).Outcome.Category);

    [Fact]
    public void Contraindicated_beats_missing_suicide_screen_but_keeps_the_safety_advisory()
    {
        var result = Evaluate(WithAvm(Intakes.Refer().WithCssrs(new CssrsScreener())));

        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, result.Outcome.Category);
        Assert.True(result.Outcome.SafetyFollowUpRequired);
        Assert.NotNull(result.Outcome.SafetyAdvisory);
        Assert.All(result.MissingInformation, m => Assert.Equal(OutcomeCategory.UrgentCrisisReferral, m.CouldChangeOutcomeTo));
        Assert.Contains(result.MissingInformation, m => m.Field == "instruments.cssrs.intentWithPlan");
    }

    [Fact]
    public void Contraindicated_beats_criteria_not_met() =>
        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, Evaluate(WithAvm(Intakes.Refer().WithPhq9(6))).Outcome.Category);

    [Fact]
    public void Contraindicated_beats_specialist_review() =>
        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, Evaluate(WithAvm(Intakes.Refer().WithBloodPressure(150, 85))).Outcome.Category);

    [Fact]
    public void An_established_indication_never_overrides_a_contraindication()
    {
        var result = Evaluate(WithAvm(Intakes.Refer()));

        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, result.Outcome.Category);
        Assert.False(result.Outcome.Temporary);
        Assert.Equal(["CI_AVM"], Decisive(result));
        Assert.Contains(result.Indications, i => i is { Id: "IND_TRD", Status: IndicationStatus.Established });
    }

    [Fact]
    public void Only_temporary_contraindications_are_temporary_with_rescreen_advice()
    {
        var result = Evaluate(Intakes.Refer().WithBloodPressure(185, 100));

        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, result.Outcome.Category);
        Assert.True(result.Outcome.Temporary);
        Assert.StartsWith("Re-screen once blood pressure is controlled", result.Outcome.RescreenAdvice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_permanent_contraindication_makes_the_outcome_not_temporary() =>
        Assert.False(Evaluate(WithAvm(Intakes.Refer().WithBloodPressure(185, 100))).Outcome.Temporary);

    [Fact]
    public void Missing_suicide_screen_beats_criteria_not_met()
    {
        var result = Evaluate(Intakes.Refer().WithPhq9(6, 1).WithCssrs(new CssrsScreener()));

        Assert.Equal(OutcomeCategory.InsufficientInformation, result.Outcome.Category);
        Assert.True(result.Outcome.SafetyFollowUpRequired);
        Assert.Contains("same day", result.Outcome.SafetyAdvisory, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_contraindication_answers_do_not_matter_when_no_indication_is_met()
    {
        var result = Evaluate(Intakes.Refer().WithPhq9(6).WithBloodPressure(null, null).WithContraindications(c => c with { ArteriovenousMalformation = Answer.Unknown }));

        Assert.Equal(OutcomeCategory.NotEligibleCriteriaNotMet, result.Outcome.Category);
        Assert.Empty(result.MissingInformation);
    }

    [Fact]
    public void An_indeterminate_indication_is_insufficient_not_criteria_not_met()
    {
        var result = Evaluate(Intakes.Refer().WithTrials(Intakes.FailedAntidepressant("sertraline"), Intakes.FailedAntidepressant("venlafaxine") with { DoseAdequate = Answer.Unknown }));

        Assert.Equal(OutcomeCategory.InsufficientInformation, result.Outcome.Category);
        var missing = Assert.Single(result.MissingInformation);
        Assert.Equal("treatmentTrials[1].doseAdequate", missing.Field);
        Assert.Equal(["IND_TRD"], missing.NeededBy);
        Assert.Equal(OutcomeCategory.Refer, missing.CouldChangeOutcomeTo);
    }

    [Fact]
    public void Missing_gate_data_beats_refer_once_an_indication_is_established()
    {
        var result = Evaluate(Intakes.Refer().WithPatient(p => p with { DateOfBirth = null }));

        Assert.Equal(OutcomeCategory.InsufficientInformation, result.Outcome.Category);
        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, Assert.Single(result.MissingInformation, m => m.Field == "patient.dateOfBirth").CouldChangeOutcomeTo);
    }

    [Fact]
    public void Missing_gate_data_beats_specialist_review() =>
        Assert.Equal(OutcomeCategory.InsufficientInformation,
            Evaluate(Intakes.Refer().WithBloodPressure(150, 85).WithPatient(p => p with { AbleToBecomePregnant = Answer.Yes, Pregnant = Answer.Unknown })).Outcome.Category);

    [Fact]
    public void A_caution_turns_refer_into_specialist_review_on_the_esketamine_pathway()
    {
        var result = Evaluate(Intakes.Refer().WithBloodPressure(150, 85));

        Assert.Equal(OutcomeCategory.ReferWithSpecialistReview, result.Outcome.Category);
        Assert.Equal(Pathway.EsketamineRems, result.Outcome.Pathway);
        Assert.Equal(["IND_TRD", "RC_ELEVATED_BP"], Decisive(result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Moderate_suicide_risk_means_specialist_review_with_mdsi_established()
    {
        var result = Evaluate(Intakes.Refer().WithCssrs(ModerateRisk));

        Assert.Equal(OutcomeCategory.ReferWithSpecialistReview, result.Outcome.Category);
        Assert.Contains(result.Indications, i => i is { Id: "IND_MDSI", Status: IndicationStatus.Established });
    }

    [Fact]
    public void An_off_label_indication_alone_means_specialist_review_for_off_label_ketamine()
    {
        var ptsdOnly = Intakes.Refer()
            .WithPhq9(6)
            .WithDiagnoses(d => d with { Ptsd = Answer.Yes })
            .WithTrials(Intakes.FailedAntidepressant("prolonged exposure") with { Condition = TrialCondition.Ptsd, Kind = TrialKind.Psychotherapy });

        var result = Evaluate(ptsdOnly);

        Assert.Equal(OutcomeCategory.ReferWithSpecialistReview, result.Outcome.Category);
        Assert.Equal(Pathway.KetamineOffLabel, result.Outcome.Pathway);
    }

    [Fact]
    public void With_several_indications_on_label_trd_sets_the_pathway_and_an_extra_off_label_one_changes_nothing()
    {
        var both = Intakes.Refer()
            .WithDiagnoses(d => d with { Ptsd = Answer.Yes })
            .WithTrials([.. Intakes.Refer().TreatmentTrials!, Intakes.FailedAntidepressant("prolonged exposure") with { Condition = TrialCondition.Ptsd, Kind = TrialKind.Psychotherapy }]);

        var result = Evaluate(both);

        // §9.1: specialist review is for an off-label indication *only*; on-label TRD without cautions is a referral.
        Assert.Equal(OutcomeCategory.Refer, result.Outcome.Category);
        Assert.Equal(Pathway.EsketamineRems, result.Outcome.Pathway);
        Assert.Equal(2, result.Indications.Count(i => i.Status == IndicationStatus.Established));
    }

    [Fact]
    public void Refer_lists_unanswered_cautions_that_could_make_it_specialist_review()
    {
        var result = Evaluate(Intakes.Refer().WithContraindications(c => c with { GlaucomaOrEyeRisk = Answer.Unknown }));

        Assert.Equal(OutcomeCategory.Refer, result.Outcome.Category);
        var missing = Assert.Single(result.MissingInformation);
        Assert.Equal("contraindications.glaucomaOrEyeRisk", missing.Field);
        Assert.Equal(OutcomeCategory.ReferWithSpecialistReview, missing.CouldChangeOutcomeTo);
    }

    [Fact]
    public void No_triggered_indication_is_criteria_not_met_not_insufficient()
    {
        var result = Evaluate(Intakes.Refer().WithPhq9(null, null).WithDiagnoses(d => d with { MajorDepressiveDisorder = Answer.No, CurrentMajorDepressiveEpisode = Answer.No }));

        Assert.Equal(OutcomeCategory.NotEligibleCriteriaNotMet, result.Outcome.Category);
        Assert.Empty(result.Indications);
    }

    [Fact]
    public void Intoxicated_now_is_insufficient_with_the_reassessment_as_the_decisive_reason()
    {
        var result = Evaluate(Intakes.Refer().WithSubstanceUse(s => s with { IntoxicatedOrWithdrawingNow = Answer.Yes }));

        Assert.Equal(OutcomeCategory.InsufficientInformation, result.Outcome.Category);
        var reason = Assert.Single(result.Reasons, r => r.Decisive);
        Assert.Equal("INFO_REASSESS_WHEN_SOBER", reason.RuleId);
        Assert.Equal(RuleKind.Info, reason.Kind);
        Assert.DoesNotContain(result.Flags, f => f.RuleId == "INFO_REASSESS_WHEN_SOBER");
        Assert.StartsWith("Insufficient information: the patient was intoxicated or in withdrawal at screening", result.Outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Intoxication_unanswered_is_asked_about_but_does_not_hold_a_referral()
    {
        var result = Evaluate(Intakes.Refer().WithSubstanceUse(s => s with { IntoxicatedOrWithdrawingNow = Answer.Unknown }));

        Assert.Equal(OutcomeCategory.Refer, result.Outcome.Category);
        var missing = Assert.Single(result.MissingInformation);
        Assert.Equal("substanceUse.intoxicatedOrWithdrawingNow", missing.Field);
        Assert.Equal(OutcomeCategory.InsufficientInformation, missing.CouldChangeOutcomeTo);
        Assert.False(missing.Blocking);
    }

    [Theory]
    [InlineData(Answer.Unknown, 35, true)]
    [InlineData(Answer.Unknown, 72, false)]
    [InlineData(Answer.No, 35, false)]
    public void A_referral_with_an_instability_criterion_asks_whether_there_is_an_eating_disorder(Answer eatingDisorder, int heartRate, bool asked)
    {
        var result = Evaluate(Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = eatingDisorder }).WithVitals(v => v with { HeartRateBpm = heartRate }));

        Assert.Equal(OutcomeCategory.Refer, result.Outcome.Category);
        if (asked)
        {
            AssertOnlyWorthAsking(result, "diagnoses.eatingDisorder", OutcomeCategory.UrgentCrisisReferral);
            Assert.Contains("it could make this urgent", result.Outcome.Summary, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(result.MissingInformation);
        }
    }

    [Theory]
    [InlineData(Answer.Unknown, true)]
    [InlineData(Answer.No, false)]
    public void Criteria_not_met_asks_about_intoxication_at_screening_because_step_3b_comes_first(Answer intoxicated, bool asked)
    {
        var result = Evaluate(Intakes.Refer().WithPhq9(6).WithSubstanceUse(s => s with { IntoxicatedOrWithdrawingNow = intoxicated }));

        Assert.Equal(OutcomeCategory.NotEligibleCriteriaNotMet, result.Outcome.Category);
        if (asked)
        {
            AssertOnlyWorthAsking(result, "substanceUse.intoxicatedOrWithdrawingNow", OutcomeCategory.InsufficientInformation);
            Assert.EndsWith("if so, reassess when sober and screen again.", result.Outcome.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("could make this urgent", result.Outcome.Summary, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(result.MissingInformation);
        }
    }

    [Theory]
    [InlineData(false, OutcomeCategory.Refer)]
    [InlineData(true, OutcomeCategory.ReferWithSpecialistReview)]
    public void An_advisory_question_unanswered_is_worth_asking_and_leaves_the_category_as_it_is(bool withCaution, OutcomeCategory category)
    {
        var intake = Intakes.Refer().WithPatient(p => p with { AbleToBecomePregnant = Answer.Unknown, Pregnant = Answer.No });
        var result = Evaluate(withCaution ? intake.WithPatient(p => p with { Breastfeeding = Answer.Yes }) : intake);

        Assert.Equal(category, result.Outcome.Category);
        var missing = Assert.Single(result.MissingInformation);
        Assert.Equal("patient.ableToBecomePregnant", missing.Field);
        Assert.Equal(category, missing.CouldChangeOutcomeTo);
        Assert.False(missing.Blocking);
    }

    [Fact]
    public void Intoxicated_under_a_contraindication_stays_a_flag()
    {
        var result = Evaluate(WithAvm(Intakes.Refer().WithSubstanceUse(s => s with { IntoxicatedOrWithdrawingNow = Answer.Yes })));

        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, result.Outcome.Category);
        Assert.Contains(result.Flags, f => f.RuleId == "INFO_REASSESS_WHEN_SOBER");
    }

    [Fact]
    public void Mdsi_without_trd_goes_to_specialist_review_on_the_esketamine_pathway()
    {
        var result = Evaluate(Intakes.Refer().WithCssrs(ModerateRisk).WithTrials(Intakes.FailedAntidepressant("sertraline")));

        Assert.Equal(OutcomeCategory.ReferWithSpecialistReview, result.Outcome.Category);
        Assert.Equal(Pathway.EsketamineRems, result.Outcome.Pathway);
        Assert.Contains(result.Indications, i => i is { Id: "IND_MDSI", Status: IndicationStatus.Established });
        Assert.Contains(result.Indications, i => i is { Id: "IND_TRD", Status: IndicationStatus.NotMet });
    }

    [Fact]
    public void A_completed_cssrs_governs_so_a_positive_item_9_needs_no_follow_up()
    {
        var result = Evaluate(Intakes.Refer().WithPhq9(19, 2));

        Assert.False(result.Outcome.SafetyFollowUpRequired);
        Assert.Null(result.Outcome.SafetyAdvisory);
        Assert.Contains(result.Flags, f => f.RuleId == "INFO_PHQ9_CSSRS_DISCORDANT");
    }

    [Fact]
    public void An_incomplete_cssrs_with_item_9_positive_needs_a_same_day_assessment()
    {
        var result = Evaluate(Intakes.Refer().WithPhq9(19, 2).WithCssrs(new CssrsScreener()));

        Assert.True(result.Outcome.SafetyFollowUpRequired);
        Assert.Equal("PHQ-9 item 9 is 2 and the C-SSRS screener is incomplete: complete a suicide risk assessment the same day.", result.Outcome.SafetyAdvisory);
    }

    [Fact]
    public void An_incomplete_cssrs_under_a_contraindication_still_needs_the_assessment()
    {
        var result = Evaluate(WithAvm(Intakes.Refer().WithCssrs(new CssrsScreener())));

        Assert.Equal(OutcomeCategory.NotEligibleContraindicated, result.Outcome.Category);
        Assert.True(result.Outcome.SafetyFollowUpRequired);
        Assert.All(result.MissingInformation, m => Assert.False(m.Blocking));
    }

    [Fact]
    public void Blocking_questions_come_first_and_the_summary_names_only_them()
    {
        var result = Evaluate(Intakes.Refer().WithPatient(p => p with { DateOfBirth = null })
            .WithContraindications(c => c with { GlaucomaOrEyeRisk = Answer.Unknown }));

        Assert.Equal(OutcomeCategory.InsufficientInformation, result.Outcome.Category);
        Assert.Equal([("patient.dateOfBirth", true), ("contraindications.glaucomaOrEyeRisk", false)], result.MissingInformation.Select(m => (m.Field, m.Blocking)));
        Assert.Contains("Ask: What is the patient's date of birth?", result.Outcome.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("glaucoma", result.Outcome.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("1 further question is worth asking.", result.Outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_questions_are_only_worth_asking_while_the_indication_is_still_open()
    {
        var result = Evaluate(Intakes.Refer().WithPhq9(null, 0).WithContraindications(c => c with { ArteriovenousMalformation = Answer.Unknown }));

        Assert.Equal(OutcomeCategory.InsufficientInformation, result.Outcome.Category);
        Assert.Contains(result.MissingInformation, m => m is { Field: "instruments.phq9.total", Blocking: true });
        Assert.Contains(result.MissingInformation, m => m is { Field: "contraindications.arteriovenousMalformation", Blocking: false });
    }

    [Fact]
    public void A_refer_summary_does_not_call_indication_questions_caution_questions()
    {
        var result = Evaluate(Intakes.Refer().WithDiagnoses(d => d with { Ptsd = Answer.Unknown }).WithInstruments(i => i with { Pcl5Total = 31 })
            .WithTrials([.. Intakes.Refer().TreatmentTrials!, Intakes.FailedAntidepressant("prolonged exposure") with { Condition = TrialCondition.Ptsd, Kind = TrialKind.Psychotherapy }]));

        Assert.Equal(OutcomeCategory.Refer, result.Outcome.Category);
        Assert.Contains(result.MissingInformation, m => m is { Field: "diagnoses.ptsd", Blocking: false, CouldChangeOutcomeTo: OutcomeCategory.ReferWithSpecialistReview });
        Assert.DoesNotContain("caution question", result.Outcome.Summary, StringComparison.Ordinal);
        Assert.Contains("worth asking before the first session", result.Outcome.Summary, StringComparison.Ordinal);
    }
}
