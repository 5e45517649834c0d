using System.Net;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Screening.Api.Tests.Infrastructure;
using Screening.Domain.Intake;
using Screening.Domain.Json;
using Screening.Fhir;
using Screening.Tests.Golden;
using Task = System.Threading.Tasks.Task;

namespace Screening.Api.Tests.Fhir;

/// <summary>QuestionnaireResponse to intake: every answer type, the golden cases through FHIR, and each way a response can be wrong.</summary>
[Collection(SharedApi.Name)]
public class QuestionnaireResponseMappingTests(ApiFactory factory, PolicyApis policies) : IClassFixture<PolicyApis>
{
    private const string EvaluatePath = "/fhir/QuestionnaireResponse/$evaluate";
    private static readonly FhirJsonSerializer Serializer = new();
    private static readonly FhirJsonDeserializer Deserializer = new();

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public async Task Golden_case_through_a_questionnaire_response_gives_the_same_category_and_reasons(string name)
    {
        var golden = GoldenCase.Named(name);
        var request = JsonSerializer.Deserialize<ScreeningRequest>(golden.RequestJson, ScreeningJson.Options)!;
        var client = policies.ClientFor(golden, factory);

        var response = await client.PostAsync(EvaluatePath, Fhir(QuestionnaireResponseBuilder.FromRequest(request, TestFhir.Canonicals)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var guidance = Assert.IsType<GuidanceResponse>(Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
        var result = (Parameters)guidance.Contained.Single();
        Assert.Equal(golden.Expected.Category, result.GetSingleValue<Coding>("category")!.Code);
        Assert.Equal(golden.Expected.Reasons,
            result.Parameter.Where(p => p.Name == "reason").Select(p => ((Coding)p.Part.Single(part => part.Name == "rule").Value!).Code).Order(StringComparer.Ordinal));
        // Blocking questions are the data required; refining ones travel in the Parameters as worth asking (R2-11).
        Assert.Equal((golden.Expected.Blocking ?? []).Select(GuidanceResponseBuilder.LinkIdOf).Distinct().Order(StringComparer.Ordinal),
            guidance.DataRequirement.Select(d => d.CodeFilter.Single().Code.Single().Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(golden.Expected.Missing.Except(golden.Expected.Blocking ?? []).Select(GuidanceResponseBuilder.LinkIdOf).Distinct().Order(StringComparer.Ordinal),
            result.Parameter.Where(p => p.Name == "worthAsking").Select(p => ((FhirString)p.Part.Single(part => part.Name == "linkId").Value!).Value).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_answer_type_maps_to_its_intake_value()
    {
        var response = Response(
            Item("patient.dateOfBirth", new Date("1990-04-01")),
            Item("diagnoses.majorDepressiveDisorder", new FhirBoolean(true)),
            Item("contraindications.hepaticImpairment", new Coding(TestFhir.Canonicals.EnumSystem(typeof(HepaticImpairment)), "mild")),
            Item("vitals.systolicMmHg", new Integer(128)),
            Item("instruments.painNrsAverage", new Integer(6)),
            Item("completedOn", new Date("2026-11-20")),
            new QuestionnaireResponse.ItemComponent
            {
                LinkId = "treatmentTrials",
                Item = [Item("treatmentTrials.condition", new Coding(TestFhir.Canonicals.EnumSystem(typeof(TrialCondition)), "depression")),
                    Item("treatmentTrials.drug", new FhirString("sertraline")),
                    Item("treatmentTrials.weeksAtDose", new FhirDecimal(6.5m))],
            });

        var intake = QuestionnaireResponseMapper.Map(response, TestFhir.Canonicals).Intake!;

        Assert.Equal("1990-04-01", intake["patient"]!["dateOfBirth"]!.GetValue<string>());
        Assert.Equal("yes", intake["diagnoses"]!["majorDepressiveDisorder"]!.GetValue<string>());
        Assert.Equal("mild", intake["contraindications"]!["hepaticImpairment"]!.GetValue<string>());
        Assert.Equal(128, intake["vitals"]!["systolicMmHg"]!.GetValue<int>());
        Assert.Equal(6, intake["instruments"]!["painNrsAverage"]!.GetValue<int>());
        Assert.Equal(6.5m, intake["treatmentTrials"]![0]!["weeksAtDose"]!.GetValue<decimal>());
        Assert.Equal("2026-11-20", intake["completedOn"]!.GetValue<string>());
        Assert.Equal("sertraline", intake["treatmentTrials"]![0]!["drug"]!.GetValue<string>());
        Assert.Equal("depression", intake["treatmentTrials"]![0]!["condition"]!.GetValue<string>());
    }

    [Fact]
    public void No_trials_listed_leave_the_history_unknown()
    {
        var intake = QuestionnaireResponseMapper.Map(Response(Item("diagnoses.majorDepressiveDisorder", new FhirBoolean(true))), TestFhir.Canonicals).Intake!;

        Assert.Null(intake["treatmentTrials"]);
    }

    [Fact]
    public void Answering_none_gives_an_empty_history()
    {
        var intake = QuestionnaireResponseMapper.Map(Response(Item("treatmentTrialsNone", new FhirBoolean(true))), TestFhir.Canonicals).Intake!;

        Assert.Empty(intake["treatmentTrials"]!.AsArray());
    }

    [Fact]
    public void Answering_none_and_listing_trials_is_an_issue()
    {
        var mapped = QuestionnaireResponseMapper.Map(Response(
            Item("treatmentTrialsNone", new FhirBoolean(true)),
            Group("treatmentTrials", Item("treatmentTrials.drug", new FhirString("sertraline")))), TestFhir.Canonicals);

        Assert.Null(mapped.Intake);
        Assert.Contains(mapped.Issues, i => i.Message.Contains("treatmentTrialsNone", StringComparison.Ordinal));
    }

    [Fact]
    public void Blood_pressure_readings_are_a_repeating_group_inside_the_vital_signs()
    {
        QuestionnaireResponse.ItemComponent Reading(int systolic, int diastolic) => Group("vitals.bloodPressureReadings",
            Item("vitals.bloodPressureReadings.systolicMmHg", new Integer(systolic)), Item("vitals.bloodPressureReadings.diastolicMmHg", new Integer(diastolic)));

        var intake = QuestionnaireResponseMapper.Map(Response(Group("vitals", Reading(150, 90), Reading(146, 88))), TestFhir.Canonicals).Intake!;

        var readings = intake["vitals"]!["bloodPressureReadings"]!.AsArray();
        Assert.Equal([150, 146], readings.Select(r => r!["systolicMmHg"]!.GetValue<int>()));
        Assert.Equal([90, 88], readings.Select(r => r!["diastolicMmHg"]!.GetValue<int>()));
    }

    [Fact]
    public void A_reading_item_outside_its_group_is_an_issue() =>
        Assert.Null(QuestionnaireResponseMapper.Map(Response(Group("vitals", Item("vitals.bloodPressureReadings.systolicMmHg", new Integer(150)))), TestFhir.Canonicals).Intake);

    [Fact]
    public void An_unanswered_item_stays_unknown()
    {
        var intake = QuestionnaireResponseMapper.Map(Response(new QuestionnaireResponse.ItemComponent { LinkId = "diagnoses.majorDepressiveDisorder" }), TestFhir.Canonicals).Intake!;

        Assert.Null(intake["diagnoses"]);
    }

    [Fact]
    public void A_false_boolean_is_no_not_unknown()
    {
        var intake = QuestionnaireResponseMapper.Map(Response(Item("diagnoses.majorDepressiveDisorder", new FhirBoolean(false))), TestFhir.Canonicals).Intake!;

        Assert.Equal("no", intake["diagnoses"]!["majorDepressiveDisorder"]!.GetValue<string>());
    }

    [Fact]
    public void Complete_phq9_items_give_the_total_and_item_9()
    {
        var scores = new[] { 3, 3, 2, 2, 1, 1, 0, 0, 2 };

        var intake = QuestionnaireResponseMapper.Map(Response(Group("instruments", Phq9(scores))), TestFhir.Canonicals).Intake!;

        Assert.Equal(14, intake["instruments"]!["phq9"]!["total"]!.GetValue<int>());
        Assert.Equal(2, intake["instruments"]!["phq9"]!["item9"]!.GetValue<int>());
    }

    [Fact]
    public void Incomplete_phq9_items_give_no_total()
    {
        var items = Phq9([3, 3, 2, 2, 1, 1, 0, 0, 2]);
        items.Item.RemoveAt(3);

        var intake = QuestionnaireResponseMapper.Map(Response(Group("instruments", items)), TestFhir.Canonicals).Intake!;

        Assert.Null(intake["instruments"]!["phq9"]!["total"]);
        Assert.Equal(2, intake["instruments"]!["phq9"]!["item9"]!.GetValue<int>());
    }

    [Fact]
    public void A_submitted_total_that_disagrees_with_its_items_is_an_issue()
    {
        var items = Phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]);
        items.Item.Add(Item("instruments.phq9.total", new Integer(10)));

        var mapped = QuestionnaireResponseMapper.Map(Response(Group("instruments", items)), TestFhir.Canonicals);

        Assert.Null(mapped.Intake);
        Assert.Contains(mapped.Issues, i => i.Message.Contains("instruments.phq9.total", StringComparison.Ordinal));
    }

    [Fact]
    public void A_submitted_total_that_agrees_with_its_items_is_kept()
    {
        var items = Phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]);
        items.Item.Add(Item("instruments.phq9.total", new Integer(9)));

        Assert.Equal(9, QuestionnaireResponseMapper.Map(Response(Group("instruments", items)), TestFhir.Canonicals).Intake!["instruments"]!["phq9"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public void Complete_gad7_items_give_the_total()
    {
        var gad7 = new QuestionnaireResponse.ItemComponent
        {
            LinkId = "instruments.gad7",
            Item = InstrumentPanels.Gad7.Select((item, i) => Item(item.LinkId, Frequency(i % 4))).ToList(),
        };

        var intake = QuestionnaireResponseMapper.Map(Response(Group("instruments", gad7)), TestFhir.Canonicals).Intake!;

        Assert.Equal(0 + 1 + 2 + 3 + 0 + 1 + 2, intake["instruments"]!["gad7Total"]!.GetValue<int>());
    }

    [Fact]
    public void An_item_disabled_by_enable_when_is_ignored()
    {
        var response = Response(Group("instruments", Group("instruments.cssrs",
            Item("instruments.cssrs.suicidalThoughts", new FhirBoolean(false)),
            Item("instruments.cssrs.intentWithPlan", new FhirBoolean(true)))));

        var cssrs = QuestionnaireResponseMapper.Map(response, TestFhir.Canonicals).Intake!["instruments"]!["cssrs"]!;

        Assert.Equal("no", cssrs["suicidalThoughts"]!.GetValue<string>());
        Assert.Null(cssrs["intentWithPlan"]);
    }

    [Fact]
    public void An_item_enabled_by_yes_is_kept()
    {
        var response = Response(Group("instruments", Group("instruments.cssrs",
            Item("instruments.cssrs.suicidalThoughts", new FhirBoolean(true)),
            Item("instruments.cssrs.intentWithPlan", new FhirBoolean(true)))));

        Assert.Equal("yes", QuestionnaireResponseMapper.Map(response, TestFhir.Canonicals).Intake!["instruments"]!["cssrs"]!["intentWithPlan"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_link_id_is_422_located_by_position_without_repeating_it()
    {
        const string Marker = "zz-canary-link-id";
        var response = Response(Group("diagnoses", Item("diagnoses.majorDepressiveDisorder", new FhirBoolean(true)), Item(Marker, new FhirBoolean(true))));

        var (status, outcome, body) = await PostAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal("QuestionnaireResponse.item[0].item[1]", Assert.Single(issue.Expression));
        Assert.DoesNotContain(Marker, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_answer_type_is_422_naming_the_item()
    {
        var (status, outcome, _) = await PostAsync(Response(Item("vitals.systolicMmHg", new FhirString("high"))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var issue = Assert.Single(outcome.Issue);
        Assert.Contains("vitals.systolicMmHg", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("valueInteger", issue.Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("high", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_outside_its_value_set_is_422()
    {
        var (status, outcome, _) = await PostAsync(Response(Item("contraindications.hepaticImpairment", new Coding(TestFhir.Canonicals.EnumSystem(typeof(HepaticImpairment)), "very-mild"))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("contraindications.hepaticImpairment", Assert.Single(outcome.Issue).Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_range_value_is_422_naming_the_item_by_the_intake_validators()
    {
        var (status, outcome, _) = await PostAsync(Response(Item("vitals.systolicMmHg", new Integer(900))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(outcome.Issue, i => i.Diagnostics!.Contains("vitals.systolicMmHg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_response_to_another_questionnaire_is_422()
    {
        var response = Response(Item("patient.dateOfBirth", new Date("1990-04-01")));
        response.Questionnaire = "http://example.org/Questionnaire/other";

        var (status, outcome, _) = await PostAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("QuestionnaireResponse.questionnaire", Assert.Single(Assert.Single(outcome.Issue).Expression));
    }

    [Fact]
    public async Task Another_resource_type_is_400()
    {
        var (status, outcome, _) = await PostAsync(new Patient { Gender = AdministrativeGender.Unknown });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(OperationOutcome.IssueType.Invalid, Assert.Single(outcome.Issue).Code);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"zz-canary\"}")]
    [InlineData("{\"resourceType\":\"QuestionnaireResponse\",\"zz-canary\":1}")]
    [InlineData("{\"resourceType\":\"QuestionnaireResponse\",")]
    [InlineData("zz-canary")]
    public async Task A_body_that_is_not_valid_fhir_is_400_without_echo(string body)
    {
        var response = await factory.CreateAuthorizedClient().PostAsync(EvaluatePath, new StringContent(body, Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(text));
        Assert.DoesNotContain("zz-canary", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_media_type_is_415()
    {
        var response = await factory.CreateAuthorizedClient().PostAsync(EvaluatePath, new StringContent("<QuestionnaireResponse/>", Encoding.UTF8, "application/fhir+xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var padding = new string(' ', 300_000);
        var response = await factory.CreateAuthorizedClient().PostAsync(EvaluatePath,
            new StringContent("{\"resourceType\":\"QuestionnaireResponse\"" + padding + "}", Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
    }

    private async System.Threading.Tasks.Task<(HttpStatusCode Status, OperationOutcome Outcome, string Body)> PostAsync(Resource resource)
    {
        var response = await factory.CreateAuthorizedClient().PostAsync(EvaluatePath, Fhir(resource));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(body)), body);
    }

    private static StringContent Fhir(Resource resource) => new(Serializer.SerializeToString(resource), Encoding.UTF8, "application/fhir+json");

    private static QuestionnaireResponse Response(params QuestionnaireResponse.ItemComponent[] items) => new()
    {
        Questionnaire = TestFhir.Canonicals.Questionnaire,
        Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        Item = [.. items],
    };

    private static QuestionnaireResponse.ItemComponent Group(string linkId, params QuestionnaireResponse.ItemComponent[] items) =>
        new() { LinkId = linkId, Item = [.. items] };

    private static QuestionnaireResponse.ItemComponent Item(string linkId, DataType value) =>
        new() { LinkId = linkId, Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }] };

    private static QuestionnaireResponse.ItemComponent Phq9(int[] scores) =>
        Group("instruments.phq9", [.. InstrumentPanels.Phq9.Select((item, i) => Item(item.LinkId, Frequency(scores[i])))]);

    private static Coding Frequency(int score) => new(FhirCanonicals.Loinc, InstrumentPanels.FrequencyAnswers[score].Code);
}
