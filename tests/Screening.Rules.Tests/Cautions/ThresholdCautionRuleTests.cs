using Screening.Rules.Cautions;
using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Cautions;

public class ElevatedBloodPressureCautionRuleTests
{
    private static Finding? Evaluate(int systolic, int diastolic) =>
        RuleSession.For<ElevatedBloodPressureCautionRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithBloodPressure(systolic, diastolic)).FindingOf<ElevatedBloodPressureCautionRule>();

    [Fact]
    public void Fires_when_systolic_is_141()
    {
        var finding = RuleAssert.Present(Evaluate(141, 80));

        Assert.StartsWith("Blood pressure 141/80 mmHg: systolic 141 mmHg is above 140 mmHg, the general guide in the SPRAVATO prescribing information (§5.6)", finding.Text, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e is { Field: "vitals.systolicMmHg", Value: "141 mmHg", Threshold: "> 140 mmHg" });
    }

    [Fact]
    public void Does_not_fire_at_140_over_90() => RuleAssert.Absent(Evaluate(140, 90));

    [Fact]
    public void Fires_on_a_mean_just_above_140()
    {
        var finding = RuleAssert.Present(RuleSession.For<ElevatedBloodPressureCautionRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithReadings((141, 80), (140, 80))).FindingOf<ElevatedBloodPressureCautionRule>());

        Assert.Contains("mean 140.5/80 mmHg of 2 readings (141/80, 140/80)", finding.Text);
    }

    [Fact]
    public void Does_not_fire_on_a_mean_of_140() =>
        RuleAssert.Absent(RuleSession.For<ElevatedBloodPressureCautionRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithReadings((142, 80), (138, 80))).FindingOf<ElevatedBloodPressureCautionRule>());

    [Fact]
    public void One_reading_in_a_series_is_that_reading() =>
        RuleAssert.Present(RuleSession.For<ElevatedBloodPressureCautionRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithReadings((150, 80))).FindingOf<ElevatedBloodPressureCautionRule>());

    [Fact]
    public void Fires_when_diastolic_is_91() => RuleAssert.Present(Evaluate(130, 91));

    [Fact]
    public void Fires_at_179_over_119() => RuleAssert.Present(Evaluate(179, 119));

    [Fact]
    public void Gives_way_to_the_severe_rule_at_180() => RuleAssert.Absent(Evaluate(180, 100));
}

public class RespiratoryCautionRuleTests
{
    private static Finding? Evaluate(ScreeningRequest request) =>
        RuleSession.For<RespiratoryCautionRule>().Evaluate(request).FindingOf<RespiratoryCautionRule>();

    [Fact]
    public void Fires_for_copd() => RuleAssert.Present(Evaluate(Intakes.Refer().WithContraindications(c => c with { SignificantPulmonaryInsufficiency = Answer.Yes })));

    [Fact]
    public void Fires_for_sleep_apnoea_at_bmi_30() =>
        RuleAssert.Present(Evaluate(Intakes.Refer().WithContraindications(c => c with { SleepApnoea = Answer.Yes }).WithBmi(30m)));

    [Fact]
    public void Does_not_fire_for_sleep_apnoea_at_bmi_29_9() =>
        RuleAssert.Absent(Evaluate(Intakes.Refer().WithContraindications(c => c with { SleepApnoea = Answer.Yes }).WithBmi(29.9m)));

    [Fact]
    public void Asks_for_height_and_weight_for_sleep_apnoea_without_a_bmi() =>
        RuleAssert.Unknown(Evaluate(Intakes.Refer().WithContraindications(c => c with { SleepApnoea = Answer.Yes }).WithVitals(v => v with { HeightCm = null, WeightKg = null })),
            "vitals.heightCm", "vitals.weightKg");

    [Fact]
    public void Does_not_fire_when_both_are_no() => RuleAssert.Absent(Evaluate(Intakes.Refer()));

    [Fact]
    public void Reports_unknown_lung_disease() =>
        RuleAssert.Unknown(Evaluate(Intakes.Refer().WithContraindications(c => c with { SignificantPulmonaryInsufficiency = Answer.Unknown })),
            "contraindications.significantPulmonaryInsufficiency");
}

public class BipolarCautionRuleTests
{
    private static Finding? Evaluate(Answer bipolar, int? ymrs) =>
        RuleSession.For<BipolarCautionRule>()
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { BipolarDisorder = bipolar }).WithInstruments(i => i with { YmrsTotal = ymrs }))
            .FindingOf<BipolarCautionRule>();

    [Fact]
    public void Fires_for_bipolar_disorder_at_ymrs_12() => RuleAssert.Present(Evaluate(Answer.Yes, 12));

    [Fact]
    public void Gives_way_to_current_mood_elevation_at_ymrs_13() => RuleAssert.Absent(Evaluate(Answer.Yes, 13));

    [Fact]
    public void Does_not_fire_without_bipolar_disorder() => RuleAssert.Absent(Evaluate(Answer.No, 5));

    [Fact]
    public void Unanswered_is_missing_but_never_read_as_no() => RuleAssert.Unknown(Evaluate(Answer.Unknown, null), "diagnoses.bipolarDisorder");

    [Fact]
    public void Unanswered_with_current_mood_elevation_gives_way_to_the_contraindication() => RuleAssert.Absent(Evaluate(Answer.Unknown, 13));
}

public class NoMoodStabilizerCautionRuleTests
{
    private static Finding? Evaluate(Answer bipolar, Answer stabilizer) =>
        RuleSession.For<NoMoodStabilizerCautionRule>()
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { BipolarDisorder = bipolar }).WithMedications(m => m with { MoodStabilizer = stabilizer }))
            .FindingOf<NoMoodStabilizerCautionRule>();

    [Fact]
    public void Fires_for_bipolar_disorder_without_a_mood_stabiliser() => RuleAssert.Present(Evaluate(Answer.Yes, Answer.No));

    [Fact]
    public void Does_not_fire_with_a_mood_stabiliser() => RuleAssert.Absent(Evaluate(Answer.Yes, Answer.Yes));

    [Fact]
    public void Asks_about_a_mood_stabiliser_when_unknown() => RuleAssert.Unknown(Evaluate(Answer.Yes, Answer.Unknown), "medications.moodStabilizer");

    [Fact]
    public void Does_not_apply_without_bipolar_disorder() => RuleAssert.Absent(Evaluate(Answer.No, Answer.No));
}

public class MdqPositiveCautionRuleTests
{
    private static Finding? Evaluate(int? yes, Answer samePeriod, MdqProblemLevel problem, Answer bipolar = Answer.No) =>
        RuleSession.For<MdqPositiveCautionRule>()
            .Evaluate(Intakes.Refer()
                .WithDiagnoses(d => d with { BipolarDisorder = bipolar })
                .WithInstruments(i => i with { Mdq = new MdqAnswers { Part1YesCount = yes, Part2SamePeriod = samePeriod, Part3ProblemLevel = problem } }))
            .FindingOf<MdqPositiveCautionRule>();

    [Fact]
    public void Fires_at_7_items_same_period_moderate_problem() => RuleAssert.Present(Evaluate(7, Answer.Yes, MdqProblemLevel.ModerateProblem));

    [Fact]
    public void Does_not_fire_at_6_items() => RuleAssert.Absent(Evaluate(6, Answer.Yes, MdqProblemLevel.SeriousProblem));

    [Fact]
    public void Does_not_fire_without_the_same_period() => RuleAssert.Absent(Evaluate(9, Answer.No, MdqProblemLevel.SeriousProblem));

    [Fact]
    public void Does_not_fire_for_a_minor_problem() => RuleAssert.Absent(Evaluate(9, Answer.Yes, MdqProblemLevel.MinorProblem));

    [Fact]
    public void Does_not_apply_with_a_bipolar_diagnosis() => RuleAssert.Absent(Evaluate(9, Answer.Yes, MdqProblemLevel.SeriousProblem, Answer.Yes));

    [Fact]
    public void Asks_for_the_missing_part() =>
        RuleAssert.Unknown(Evaluate(8, Answer.Unknown, MdqProblemLevel.SeriousProblem), "instruments.mdq.part2SamePeriod");

    [Fact]
    public void Asks_for_the_mdq_when_it_was_not_given() =>
        RuleAssert.Unknown(Evaluate(null, Answer.Unknown, MdqProblemLevel.Unknown), "instruments.mdq.part1YesCount");

    [Fact]
    public void Asks_for_the_mdq_when_the_bipolar_diagnosis_is_unanswered() =>
        RuleAssert.Unknown(Evaluate(null, Answer.Unknown, MdqProblemLevel.Unknown, Answer.Unknown), "instruments.mdq.part1YesCount");

    [Fact]
    public void Does_not_ask_for_the_mdq_with_a_bipolar_diagnosis() =>
        RuleAssert.Absent(Evaluate(null, Answer.Unknown, MdqProblemLevel.Unknown, Answer.Yes));
}

public class SubstanceUseCautionRuleTests
{
    private static Finding? Evaluate(Func<SubstanceUseAnswers, SubstanceUseAnswers> change, SexAtBirth sex = SexAtBirth.Female, ScreeningPolicy? policy = null) =>
        RuleSession.For<SubstanceUseCautionRule>()
            .Evaluate(Intakes.Refer().WithSubstanceUse(change).WithPatient(p => p with { SexAtBirth = sex }), policy)
            .FindingOf<SubstanceUseCautionRule>();

    [Fact]
    public void Fires_at_audit_8() => RuleAssert.Present(Evaluate(s => s with { AuditTotal = 8 }));

    [Fact]
    public void Does_not_fire_at_audit_7() => RuleAssert.Absent(Evaluate(s => s with { AuditTotal = 7 }));

    [Fact]
    public void Audit_c_3_is_positive_in_women() => RuleAssert.Present(Evaluate(s => s with { AuditCTotal = 3 }, SexAtBirth.Female));

    [Fact]
    public void Audit_c_3_is_negative_in_men() => RuleAssert.Absent(Evaluate(s => s with { AuditCTotal = 3 }, SexAtBirth.Male));

    [Fact]
    public void Audit_c_4_is_positive_in_men() => RuleAssert.Present(Evaluate(s => s with { AuditCTotal = 4 }, SexAtBirth.Male));

    [Fact]
    public void Audit_c_3_with_the_sex_unknown_asks_for_it() => RuleAssert.Unknown(Evaluate(s => s with { AuditCTotal = 3 }, SexAtBirth.Unknown), "patient.sexAtBirth");

    [Fact]
    public void Fires_at_dast_10_of_3() => RuleAssert.Present(Evaluate(s => s with { Dast10Total = 3 }));

    [Fact]
    public void Does_not_fire_at_dast_10_of_2() => RuleAssert.Absent(Evaluate(s => s with { Dast10Total = 2 }));

    [Fact]
    public void Recent_dissociative_misuse_is_relative_by_default()
    {
        var finding = RuleAssert.Present(Evaluate(s => s with { NonMedicalDissociativeUsePast12Months = Answer.Yes }));

        Assert.Equal(RuleKind.Relative, finding.Kind);
        Assert.Contains(SubstanceUseCautionRule.DissociativeMisuse, finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recent_dissociative_misuse_is_absolute_when_the_policy_says_so() =>
        Assert.Equal(RuleKind.Absolute, RuleAssert.Present(Evaluate(s => s with { NonMedicalDissociativeUsePast12Months = Answer.Yes },
            policy: new ScreeningPolicy { DissociativeMisuse = DissociativeMisuseHandling.Absolute })).Kind);

    [Fact]
    public void Asks_the_dissociative_question_when_unknown() =>
        RuleAssert.Unknown(Evaluate(s => s with { NonMedicalDissociativeUsePast12Months = Answer.Unknown }), "substanceUse.nonMedicalDissociativeUsePast12Months");

    [Fact]
    public void Fires_for_a_substance_use_disorder_history() => RuleAssert.Present(Evaluate(s => s with { SubstanceUseDisorderHistory = Answer.Yes }));

    [Fact]
    public void An_audit_and_dast_not_given_are_worth_asking_never_read_as_no()
    {
        var finding = RuleAssert.Unknown(Evaluate(s => s with { AuditTotal = null, AuditCTotal = null, Dast10Total = null }),
            "substanceUse.auditTotal", "substanceUse.dast10Total");

        Assert.Equal(RuleKind.Relative, finding.Kind);
    }

    [Fact]
    public void An_audit_c_answers_for_the_audit() => RuleAssert.Absent(Evaluate(s => s with { AuditTotal = null, AuditCTotal = 2 }));

    [Fact]
    public void Under_the_absolute_policy_an_unanswered_dissociative_question_is_a_contraindication_question()
    {
        var finding = RuleAssert.Unknown(Evaluate(s => s with { NonMedicalDissociativeUsePast12Months = Answer.Unknown, AuditTotal = 9 },
            policy: new ScreeningPolicy { DissociativeMisuse = DissociativeMisuseHandling.Absolute }), "substanceUse.nonMedicalDissociativeUsePast12Months");

        Assert.Equal(RuleKind.Absolute, finding.Kind);
    }

    [Theory]
    [InlineData(2, SexAtBirth.Female, Answer.No)]
    [InlineData(3, SexAtBirth.Female, Answer.Yes)]
    [InlineData(3, SexAtBirth.Intersex, Answer.Yes)]
    [InlineData(3, SexAtBirth.Male, Answer.No)]
    [InlineData(4, SexAtBirth.Male, Answer.Yes)]
    [InlineData(2, SexAtBirth.Unknown, Answer.No)]
    [InlineData(3, SexAtBirth.Unknown, Answer.Unknown)]
    [InlineData(4, SexAtBirth.Unknown, Answer.Yes)]
    public void Audit_c_cut_offs_are_read_in_one_place(int score, SexAtBirth sex, Answer positive) =>
        Assert.Equal(positive, SubstanceUseCautionRule.AuditCPositive(score, sex));
}

public class CnsDepressantCautionRuleTests
{
    private static Finding? Evaluate(ScreeningRequest request) =>
        RuleSession.For<CnsDepressantCautionRule>().Evaluate(request).FindingOf<CnsDepressantCautionRule>();

    [Fact]
    public void Fires_for_benzodiazepines() => RuleAssert.Present(Evaluate(Intakes.Refer().WithMedications(m => m with { BenzodiazepinesOrSedatives = Answer.Yes })));

    [Fact]
    public void Fires_for_opioids() => RuleAssert.Present(Evaluate(Intakes.Refer().WithMedications(m => m with { Opioids = Answer.Yes })));

    [Fact]
    public void Fires_for_heavy_alcohol_use() => RuleAssert.Present(Evaluate(Intakes.Refer().WithSubstanceUse(s => s with { HeavyAlcoholUse = Answer.Yes })));

    [Fact]
    public void Does_not_fire_when_all_are_no() => RuleAssert.Absent(Evaluate(Intakes.Refer()));

    [Fact]
    public void Reports_unknown_opioid_use() => RuleAssert.Unknown(Evaluate(Intakes.Refer().WithMedications(m => m with { Opioids = Answer.Unknown })), "medications.opioids");
}

public class StimulantOrMaoiCautionRuleTests
{
    private static Finding? Evaluate(ScreeningRequest request) =>
        RuleSession.For<StimulantOrMaoiCautionRule>().Evaluate(request).FindingOf<StimulantOrMaoiCautionRule>();

    [Fact]
    public void Fires_for_psychostimulants() => RuleAssert.Present(Evaluate(Intakes.Refer().WithMedications(m => m with { Psychostimulants = Answer.Yes })));

    [Fact]
    public void Fires_for_an_maoi() => RuleAssert.Present(Evaluate(Intakes.Refer().WithMedications(m => m with { Maoi = Answer.Yes })));

    [Fact]
    public void Does_not_fire_when_both_are_no() => RuleAssert.Absent(Evaluate(Intakes.Refer()));

    [Fact]
    public void Reports_an_unknown_maoi() => RuleAssert.Unknown(Evaluate(Intakes.Refer().WithMedications(m => m with { Maoi = Answer.Unknown })), "medications.maoi");
}

public class ModerateHepaticImpairmentCautionRuleTests
{
    private static Finding? Evaluate(HepaticImpairment impairment) =>
        RuleSession.For<ModerateHepaticImpairmentCautionRule>()
            .Evaluate(Intakes.Refer().WithContraindications(c => c with { HepaticImpairment = impairment }))
            .FindingOf<ModerateHepaticImpairmentCautionRule>();

    [Fact]
    public void Fires_for_child_pugh_b() => RuleAssert.Present(Evaluate(HepaticImpairment.Moderate));

    [Fact]
    public void Does_not_fire_for_child_pugh_a() => RuleAssert.Absent(Evaluate(HepaticImpairment.Mild));
}

public class OlderAdultCautionRuleTests
{
    private static Finding? Evaluate(int age) =>
        RuleSession.For<OlderAdultCautionRule>().Evaluate(Intakes.Refer().AgedYears(age)).FindingOf<OlderAdultCautionRule>();

    [Fact]
    public void Fires_at_65() => RuleAssert.Present(Evaluate(65));

    [Fact]
    public void Does_not_fire_at_64() => RuleAssert.Absent(Evaluate(64));
}

public class EatingDisorderLowWeightCautionRuleTests
{
    private static Finding? Evaluate(decimal bmi, Answer diagnosed = Answer.Yes) =>
        RuleSession.For<EatingDisorderLowWeightCautionRule>(typeof(EatingDisorderStabilityRule))
            .Evaluate(Intakes.Refer().WithDiagnoses(d => d with { EatingDisorder = diagnosed }).WithBmi(bmi))
            .FindingOf<EatingDisorderLowWeightCautionRule>();

    [Theory]
    [InlineData("15.0")]
    [InlineData("18.49")]
    public void Fires_from_bmi_15_to_18_49(string bmi) => RuleAssert.Present(Evaluate(decimal.Parse(bmi)));

    [Fact]
    public void Gives_way_to_instability_below_15() => RuleAssert.Absent(Evaluate(14.99m));

    [Fact]
    public void Does_not_fire_at_18_5() => RuleAssert.Absent(Evaluate(18.5m));

    [Fact]
    public void Does_not_apply_without_an_eating_disorder() => RuleAssert.Absent(Evaluate(16m, Answer.No));

    [Fact]
    public void With_the_eating_disorder_unanswered_a_low_bmi_makes_the_question_worth_asking() =>
        RuleAssert.WorthAskingOnly(Evaluate(16m, Answer.Unknown), "diagnoses.eatingDisorder");

    [Fact]
    public void With_the_eating_disorder_unanswered_a_bmi_of_18_5_asks_nothing() => RuleAssert.Absent(Evaluate(18.5m, Answer.Unknown));
}

public class CssrsModerateCautionRuleTests
{
    private static Finding? Evaluate(CssrsScreener screener) =>
        RuleSession.For<CssrsModerateCautionRule>(typeof(CssrsRiskRule)).Evaluate(Intakes.Refer().WithCssrs(screener)).FindingOf<CssrsModerateCautionRule>();

    [Fact]
    public void Fires_for_moderate_risk() =>
        RuleAssert.Present(Evaluate(IntakeChanges.AllNo() with { SuicidalBehaviorLifetime = Answer.Yes, SuicidalBehaviorPast3Months = Answer.No }));

    [Fact]
    public void Does_not_fire_for_low_risk() => RuleAssert.Absent(Evaluate(IntakeChanges.AllNo() with { WishToBeDead = Answer.Yes }));
}
