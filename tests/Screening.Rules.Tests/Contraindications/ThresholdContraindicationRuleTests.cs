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
    public void Still_fires_when_crisis_symptoms_are_unknown() =>
        RuleAssert.Present(Evaluate(Intakes.Refer().WithBloodPressure(190, 100).WithVitals(v => v with { HypertensiveCrisisSymptoms = Answer.Unknown })));

    [Fact]
    public void Reports_a_missing_blood_pressure_as_missing() =>
        RuleAssert.Unknown(Evaluate(Intakes.Refer().WithBloodPressure(null, null)), "vitals.systolicMmHg", "vitals.diastolicMmHg");

    [Fact]
    public void Reports_an_out_of_date_reading_as_missing() =>
        RuleAssert.Unknown(Evaluate(Intakes.Refer().WithVitals(v => v with { BloodPressureMeasuredOn = Intakes.CompletedOn.AddDays(-45) })),
            "vitals.systolicMmHg", "vitals.diastolicMmHg", "vitals.bloodPressureMeasuredOn");
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
    public void Reports_the_question_missing_without_a_ymrs() => RuleAssert.Unknown(Evaluate(null, Answer.Unknown), "diagnoses.currentMoodElevationSymptoms");

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
