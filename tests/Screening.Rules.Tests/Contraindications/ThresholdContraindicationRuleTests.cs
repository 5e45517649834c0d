using Screening.Rules.Contraindications;
using Screening.Rules.Safety;
using Screening.Rules.Tests.Fixtures;

namespace Screening.Rules.Tests.Contraindications;

public class UnderAgeContraindicationRuleTests
{
    private static Finding? Evaluate(ScreeningRequest request) =>
        RuleSession.For<UnderAgeContraindicationRule>().Evaluate(request).FindingOf<UnderAgeContraindicationRule>();

    [Fact]
    public void Fires_at_17() => Assert.Equal(RuleKind.Absolute, RuleAssert.Present(Evaluate(Intakes.Refer().AgedYears(17))).Kind);

    [Fact]
    public void Does_not_fire_on_the_18th_birthday() => RuleAssert.Absent(Evaluate(Intakes.Refer().AgedYears(18)));

    [Fact]
    public void Fires_the_day_before_the_18th_birthday() =>
        RuleAssert.Present(Evaluate(Intakes.Refer().WithPatient(p => p with { DateOfBirth = Intakes.BornYearsAgo(18).AddDays(1) })));

    [Fact]
    public void Reports_a_missing_date_of_birth() =>
        RuleAssert.Unknown(Evaluate(Intakes.Refer().WithPatient(p => p with { DateOfBirth = null })), "patient.dateOfBirth");
}

public class SevereHypertensionContraindicationRuleTests
{
    private static Finding? Evaluate(ScreeningRequest request) =>
        RuleSession.For<SevereHypertensionContraindicationRule>(typeof(BloodPressureGateRule)).Evaluate(request).FindingOf<SevereHypertensionContraindicationRule>();

    [Theory]
    [InlineData(180, 100)]
    [InlineData(150, 120)]
    public void Fires_at_180_or_120_without_symptoms(int systolic, int diastolic) =>
        Assert.Equal(RuleKind.Temporary, RuleAssert.Present(Evaluate(Intakes.Refer().WithBloodPressure(systolic, diastolic))).Kind);

    [Fact]
    public void Does_not_fire_at_179_over_119() => RuleAssert.Absent(Evaluate(Intakes.Refer().WithBloodPressure(179, 119)));

    [Fact]
    public void Gives_way_to_the_urgent_rule_when_crisis_symptoms_are_present() =>
        RuleAssert.Absent(Evaluate(Intakes.Refer().WithBloodPressure(190, 100).WithVitals(v => v with { HypertensiveCrisisSymptoms = Answer.Yes })));

    [Fact]
    public void Does_not_fire_while_crisis_symptoms_are_unknown_so_the_urgent_question_is_asked_first() =>
        RuleAssert.Absent(Evaluate(Intakes.Refer().WithBloodPressure(190, 100).WithVitals(v => v with { HypertensiveCrisisSymptoms = Answer.Unknown })));

    [Fact]
    public void Reports_a_missing_blood_pressure_as_missing() =>
        RuleAssert.Unknown(Evaluate(Intakes.Refer().WithBloodPressure(null, null)), "vitals.systolicMmHg", "vitals.diastolicMmHg");

    [Fact]
    public void Reports_an_out_of_date_reading_as_missing_and_says_why()
    {
        var finding = RuleAssert.Unknown(Evaluate(Intakes.Refer().WithVitals(v => v with { BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-45) })),
            "vitals.systolicMmHg", "vitals.diastolicMmHg", "vitals.bloodPressureMeasuredOn");

        Assert.All(finding.Missing, f => Assert.Equal("the reading is 45 days old, older than the 30 days allowed: measure it again", f.Note));
    }

    [Fact]
    public void Fires_on_the_mean_of_three_readings_at_180() =>
        RuleAssert.Present(Evaluate(Intakes.Refer().WithReadings((182, 100), (178, 100), (180, 100))));

    [Fact]
    public void Does_not_fire_on_a_mean_of_179_7_by_default() =>
        RuleAssert.Absent(Evaluate(Intakes.Refer().WithReadings((182, 100), (178, 100), (179, 100))));

    [Fact]
    public void Fires_on_the_highest_reading_when_the_policy_says_so() =>
        RuleAssert.Present(RuleSession.For<SevereHypertensionContraindicationRule>(typeof(BloodPressureGateRule))
            .Evaluate(Intakes.Refer().WithReadings((182, 100), (178, 100), (179, 100)), new ScreeningPolicy { BloodPressureReadingsRule = BloodPressureReadingsRule.Highest })
            .FindingOf<SevereHypertensionContraindicationRule>());

    [Fact]
    public void Names_each_reading_and_the_value_used()
    {
        var finding = RuleAssert.Present(Evaluate(Intakes.Refer().WithReadings((182, 100), (178, 100), (180, 100))));

        Assert.Contains("mean 180/100 mmHg of 3 readings (182/100, 178/100, 180/100)", finding.Text);
        Assert.Equal(["182/100 mmHg", "178/100 mmHg", "180/100 mmHg", "mean systolic 180 mmHg", "mean diastolic 100 mmHg", "no"], finding.Evidence.Select(e => e.Value));
        Assert.Contains(finding.Evidence, e => e is { Field: "vitals.bloodPressureReadings", Value: "mean systolic 180 mmHg", Threshold: "≥ 180 mmHg" });
    }
}

public class PregnancyContraindicationRuleTests
{
    private static Finding? Evaluate(Answer able, Answer pregnant) =>
        RuleSession.For<PregnancyContraindicationRule>()
            .Evaluate(Intakes.Refer().WithPatient(p => p with { AbleToBecomePregnant = able, Pregnant = pregnant }))
            .FindingOf<PregnancyContraindicationRule>();

    [Fact]
    public void Fires_for_a_current_pregnancy() => Assert.Equal(RuleKind.Absolute, RuleAssert.Present(Evaluate(Answer.Yes, Answer.Yes)).Kind);

    [Fact]
    public void Does_not_fire_when_not_pregnant() => RuleAssert.Absent(Evaluate(Answer.Yes, Answer.No));

    [Fact]
    public void Is_not_asked_when_the_patient_cannot_become_pregnant() => RuleAssert.Absent(Evaluate(Answer.No, Answer.Unknown));

    [Fact]
    public void Unsure_needs_a_pregnancy_test() => RuleAssert.Unknown(Evaluate(Answer.Yes, Answer.Unknown), "patient.pregnant");

    [Fact]
    public void Asks_both_questions_when_neither_is_answered() =>
        RuleAssert.Unknown(Evaluate(Answer.Unknown, Answer.Unknown), "patient.ableToBecomePregnant", "patient.pregnant");

    private static Finding? Evaluate(SexAtBirth sex, Answer able) =>
        RuleSession.For<PregnancyContraindicationRule>()
            .Evaluate(Intakes.Refer().WithPatient(p => p with { SexAtBirth = sex, AbleToBecomePregnant = able, Pregnant = Answer.Unknown }))
            .FindingOf<PregnancyContraindicationRule>();

    [Fact]
    public void A_man_with_able_to_become_pregnant_unanswered_is_not_held_for_a_pregnancy_test() => RuleAssert.Absent(Evaluate(SexAtBirth.Male, Answer.Unknown));

    [Theory]
    [InlineData(SexAtBirth.Female)]
    [InlineData(SexAtBirth.Intersex)]
    public void Other_sexes_with_able_to_become_pregnant_unanswered_are_asked(SexAtBirth sex) =>
        RuleAssert.Unknown(Evaluate(sex, Answer.Unknown), "patient.ableToBecomePregnant", "patient.pregnant");

    [Fact]
    public void With_the_sex_unanswered_too_either_answer_can_settle_it() =>
        RuleAssert.Unknown(Evaluate(SexAtBirth.Unknown, Answer.Unknown), "patient.ableToBecomePregnant", "patient.pregnant", "patient.sexAtBirth");

    [Fact]
    public void A_man_who_answered_able_to_become_pregnant_yes_is_asked() => RuleAssert.Unknown(Evaluate(SexAtBirth.Male, Answer.Yes), "patient.pregnant");
}

public class CurrentMoodElevationContraindicationRuleTests
{
    private static Finding? Evaluate(int? ymrs, Answer symptoms, ScreeningPolicy? policy = null) =>
        RuleSession.For<CurrentMoodElevationContraindicationRule>()
            .Evaluate(Intakes.Refer().WithInstruments(i => i with { YmrsTotal = ymrs }).WithDiagnoses(d => d with { CurrentMoodElevationSymptoms = symptoms }), policy)
            .FindingOf<CurrentMoodElevationContraindicationRule>();

    [Fact]
    public void Fires_at_ymrs_13() => Assert.Equal(RuleKind.Temporary, RuleAssert.Present(Evaluate(13, Answer.No)).Kind);

    [Fact]
    public void Does_not_fire_at_ymrs_12() => RuleAssert.Absent(Evaluate(12, Answer.No));

    [Fact]
    public void Fires_for_elevated_mood_in_the_past_2_weeks() => RuleAssert.Present(Evaluate(null, Answer.Yes));

    [Fact]
    public void A_ymrs_below_the_boundary_answers_an_unanswered_question() => RuleAssert.Absent(Evaluate(8, Answer.Unknown));

    [Fact]
    public void Reports_the_question_and_the_ymrs_missing_without_either() =>
        RuleAssert.Unknown(Evaluate(null, Answer.Unknown), "diagnoses.currentMoodElevationSymptoms", "instruments.ymrsTotal");

    [Fact]
    public void The_boundary_is_the_policys() => RuleAssert.Absent(Evaluate(15, Answer.No, new ScreeningPolicy { YmrsElevationMin = 16 }));
}

public class SevereHepaticImpairmentContraindicationRuleTests
{
    private static Finding? Evaluate(HepaticImpairment impairment) =>
        RuleSession.For<SevereHepaticImpairmentContraindicationRule>()
            .Evaluate(Intakes.Refer().WithContraindications(c => c with { HepaticImpairment = impairment }))
            .FindingOf<SevereHepaticImpairmentContraindicationRule>();

    [Fact]
    public void Fires_for_child_pugh_c() => RuleAssert.Present(Evaluate(HepaticImpairment.Severe));

    [Fact]
    public void Does_not_fire_for_child_pugh_b() => RuleAssert.Absent(Evaluate(HepaticImpairment.Moderate));

    [Fact]
    public void Reports_unknown_liver_disease_as_missing() => RuleAssert.Unknown(Evaluate(HepaticImpairment.Unknown), "contraindications.hepaticImpairment");
}
