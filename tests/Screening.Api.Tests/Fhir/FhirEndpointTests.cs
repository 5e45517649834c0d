using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Screening.Api.OpenApi;
using Screening.Api.Tests.Infrastructure;
using Screening.Fhir;

namespace Screening.Api.Tests.Fhir;

[Collection(SharedApi.Name)]
public class FhirEndpointTests(ApiFactory factory)
{
    private static readonly FhirJsonSerializer Serializer = new();
    private static readonly FhirJsonDeserializer Deserializer = new();
    private readonly HttpClient _client = factory.CreateAuthorizedClient();

    private static StringContent Fhir(Resource resource) => new(Serializer.SerializeToString(resource), Encoding.UTF8, "application/fhir+json");

    private async System.Threading.Tasks.Task<(HttpStatusCode Status, Resource Resource)> PostAsync(Resource resource)
    {
        var response = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", Fhir(resource));
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_questionnaire_validates_against_the_base_r4_specification()
    {
        var response = await _client.GetAsync($"/fhir/Questionnaire/{FhirCanonicals.QuestionnaireId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var questionnaire = Assert.IsType<Questionnaire>(Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
        Assert.Empty(FhirValidation.Errors(questionnaire));
    }

    [Fact]
    public async Task The_questionnaire_canonical_resolves_through_a_search_by_url()
    {
        var found = Assert.IsType<Bundle>(Deserializer.DeserializeResource(await _client.GetStringAsync($"/fhir/Questionnaire?url={Uri.EscapeDataString(TestFhir.Canonicals.Questionnaire)}")));
        Assert.Equal(Bundle.BundleType.Searchset, found.Type);
        Assert.Equal(TestFhir.Canonicals.Questionnaire, Assert.IsType<Questionnaire>(Assert.Single(found.Entry).Resource).Url);
        Assert.Empty(FhirValidation.Errors(found));

        var none = Assert.IsType<Bundle>(Deserializer.DeserializeResource(await _client.GetStringAsync("/fhir/Questionnaire?url=http%3A%2F%2Fexample.org%2FQuestionnaire%2Fother")));
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Entry);
    }

    [Fact]
    public async Task Every_code_system_and_the_operation_the_fhir_resources_name_resolve_on_this_server()
    {
        var questionnaire = QuestionnaireBuilder.Build(TestFhir.Canonicals);
        static IEnumerable<Questionnaire.ItemComponent> All(IEnumerable<Questionnaire.ItemComponent> items) => items.SelectMany(i => new[] { i }.Concat(All(i.Item)));
        var codings = All(questionnaire.Item).SelectMany(i => i.AnswerOption).Select(o => o.Value).OfType<Coding>()
            .Where(c => c.System?.StartsWith(TestFhir.Canonicals.Base, StringComparison.Ordinal) == true)
            .Append(new Coding(TestFhir.Canonicals.OutcomeCategorySystem, "refer"))
            .Append(new Coding(TestFhir.Canonicals.RuleSystem, "IND_TRD"))
            .ToArray();
        Assert.True(codings.Length > 20);

        foreach (var system in codings.GroupBy(c => c.System))
        {
            var response = await _client.GetAsync(system.Key![(TestFhir.Canonicals.Base.Length - "/fhir".Length)..]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var codeSystem = Assert.IsType<CodeSystem>(Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
            Assert.Equal(system.Key, codeSystem.Url);
            Assert.Empty(FhirValidation.Errors(codeSystem));
            Assert.All(system, coding => Assert.Contains(codeSystem.Concept, concept => concept.Code == coding.Code));
        }

        var capabilities = Assert.IsType<CapabilityStatement>(Deserializer.DeserializeResource(await _client.GetStringAsync("/fhir/metadata")));
        var definition = capabilities.Rest.SelectMany(r => r.Resource).SelectMany(r => r.Operation).Single(o => o.Name == "evaluate").Definition;
        var operation = Assert.IsType<OperationDefinition>(Deserializer.DeserializeResource(await _client.GetStringAsync(definition![(TestFhir.Canonicals.Base.Length - "/fhir".Length)..])));
        Assert.Equal(definition, operation.Url);
        Assert.Empty(FhirValidation.Errors(operation));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/fhir/CodeSystem/no-such-system")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_or_media_type_says_what_the_server_serves()
    {
        var notFound = await _client.GetAsync("/fhir/Patient/123");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(await notFound.Content.ReadAsStringAsync()));
        Assert.Contains("QuestionnaireResponse/$evaluate", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("Patient/123", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);

        var wrongType = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", new StringContent("<x/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        var unsupported = Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(await wrongType.Content.ReadAsStringAsync()));
        Assert.Contains("application/fhir+json", unsupported.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_questionnaire_carries_loinc_codes_units_ranges_and_enable_when()
    {
        var questionnaire = (Questionnaire)Deserializer.DeserializeResource(await _client.GetStringAsync($"/fhir/Questionnaire/{FhirCanonicals.QuestionnaireId}"));
        var items = Flatten(questionnaire.Item).ToDictionary(i => i.LinkId!);

        Assert.Equal("44249-1", items["instruments.phq9"].Code.Single().Code);
        Assert.Equal(["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"],
            items["instruments.phq9"].Item.Take(9).Select(i => i.Code.Single().Code));
        Assert.Equal("44261-6", items["instruments.phq9.total"].Code.Single().Code);
        Assert.Equal("69737-5", items["instruments.gad7"].Code.Single().Code);
        Assert.Equal("70274-6", items["instruments.gad7Total"].Code.Single().Code);
        Assert.Equal("8480-6", items["vitals.systolicMmHg"].Code.Single().Code);
        Assert.Equal("patient.ableToBecomePregnant", items["patient.pregnant"].EnableWhen.Single().Question);
        Assert.Equal(Questionnaire.QuestionnaireItemType.Boolean, items["contraindications.arteriovenousMalformation"].Type);
        Assert.True(items["treatmentTrials"].Repeats);
        Assert.True(items["treatmentTrials.drug"].Required);
        Assert.Contains(items["vitals.systolicMmHg"].Extension, e => e.Url!.EndsWith("questionnaire-unit", StringComparison.Ordinal));
        Assert.Equal(5, items["contraindications.hepaticImpairment"].AnswerOption.Count + 1);
    }

    [Fact]
    public async Task The_questionnaire_asks_none_before_the_treatment_list_and_allows_three_blood_pressure_readings()
    {
        var questionnaire = (Questionnaire)Deserializer.DeserializeResource(await _client.GetStringAsync($"/fhir/Questionnaire/{FhirCanonicals.QuestionnaireId}"));
        var topLevel = questionnaire.Item.Select(i => i.LinkId).ToList();
        var items = Flatten(questionnaire.Item).ToDictionary(i => i.LinkId!);

        Assert.Equal(topLevel.IndexOf("treatmentTrials") - 1, topLevel.IndexOf("treatmentTrialsNone"));
        Assert.Equal(Questionnaire.QuestionnaireItemType.Boolean, items["treatmentTrialsNone"].Type);
        Assert.True(items["vitals.bloodPressureReadings"].Repeats);
        Assert.Equal(3, Assert.IsType<Integer>(items["vitals.bloodPressureReadings"].Extension.Single(e => e.Url!.EndsWith("questionnaire-maxOccurs", StringComparison.Ordinal)).Value).Value);
        Assert.True(items["vitals.bloodPressureReadings.systolicMmHg"].Required);
        Assert.Equal(Questionnaire.QuestionnaireItemType.Boolean, items["vitals.acuteWeightDeclineWithFoodRefusal"].Type);
        Assert.Equal(Questionnaire.QuestionnaireItemType.Decimal, items["instruments.painDurationMonths"].Type);
    }

    [Fact]
    public async Task An_unknown_questionnaire_is_a_404_operation_outcome()
    {
        var response = await _client.GetAsync("/fhir/Questionnaire/other");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_capability_statement_validates()
    {
        var statement = Assert.IsType<CapabilityStatement>(Deserializer.DeserializeResource(await _client.GetStringAsync("/fhir/metadata")));

        Assert.Empty(FhirValidation.Errors(statement));
    }

    [Fact]
    public async Task Without_a_key_the_fhir_endpoints_answer_401_as_operation_outcome()
    {
        var response = await factory.CreateClient().GetAsync("/fhir/metadata");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.IsType<OperationOutcome>(Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public async Task Each_example_evaluates_to_a_valid_guidance_response_with_its_category(string name)
    {
        var response = QuestionnaireResponseBuilder.FromRequest(RequestExamples.All.Single(e => e.Name == name).Request, TestFhir.Canonicals, new ResourceReference("Patient/example"));

        var (status, resource) = await PostAsync(response);

        Assert.Equal(HttpStatusCode.OK, status);
        var guidance = Assert.IsType<GuidanceResponse>(resource);
        var parameters = Assert.IsType<Parameters>(Assert.Single(guidance.Contained));
        var category = Assert.IsType<Coding>(parameters.GetSingleValue<Coding>("category"));
        Assert.Equal(TestFhir.Canonicals.OutcomeCategorySystem, category.System);
        Assert.Equal(name, category.Code);
        Assert.Equal(name == "insufficient-information" ? GuidanceResponse.GuidanceResponseStatus.DataRequired : GuidanceResponse.GuidanceResponseStatus.Success, guidance.Status);
        Assert.All(parameters.Parameter.Where(p => p.Name == "reason"), reason =>
            Assert.Equal(["rule", "text", "citation", "decisive"], reason.Part.Select(p => p.Name)));
        Assert.Empty(FhirValidation.Errors(guidance));
    }

    [Fact]
    public async Task Data_required_names_each_missing_item_by_link_id()
    {
        var response = QuestionnaireResponseBuilder.FromRequest(Examples.Named("insufficient-information").Request, TestFhir.Canonicals);

        var guidance = (GuidanceResponse)(await PostAsync(response)).Resource;

        var linkIds = guidance.DataRequirement.Select(d => d.CodeFilter.Single().Code.Single().Code).ToArray();
        Assert.Contains("instruments.cssrs.intentWithPlan", linkIds);
        Assert.All(guidance.DataRequirement, d => Assert.Equal("item.linkId", d.CodeFilter.Single().Path));
    }

    [Theory]
    [InlineData("""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"patient.dateOfBirth","answer":[{"valueDate":"1980-13-45"}]}]}""",
        "QuestionnaireResponse.item[0].answer[0].value", "Invalid literal near line 1, position 137")]
    [InlineData("""{"resourceType":"QuestionnaireResponse","item":[{"linkId":"patient.dateOfBirth","answer":[{"valueDate":"1980-05-14"}]}]}""",
        "QuestionnaireResponse.status", "Mandatory field cannot be null near line 1, position 2")]
    [InlineData("""{"resourceType":"QuestionnaireResponse","status":"completed1980","item":[{"linkId":"a"}]}""",
        "QuestionnaireResponse.status", "Invalid code near line 1, position 65")]
    [InlineData("""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"a","answer":[{"valueInteger":"1980x"}]}]}""",
        "QuestionnaireResponse.item[0].answer[0].value", "Invalid literal type near line 1, position 117")]
    public async Task A_body_fhir_cannot_read_is_located_by_fhirpath_line_and_position_without_its_values(string body, string expression, string where)
    {
        // The parser's position is where it noticed: just after a value it could not read (137 follows "1980-13-45").
        var response = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", new StringContent(body, Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("1980", text, StringComparison.Ordinal);
        var issue = Assert.Single(((OperationOutcome)Deserializer.DeserializeResource(text)).Issue);
        Assert.Equal(OperationOutcome.IssueType.Structure, issue.Code);
        Assert.Equal(expression, Assert.Single(issue.Expression));
        Assert.Equal($"Not a valid FHIR R4 resource: {where}", issue.Diagnostics);
    }

    [Theory]
    [InlineData("""{"resourceType":"QuestionnaireResponse","status":"completed","CANARYELEMENT":{"CANARYINSIDE":[]}}""")]
    [InlineData("""{"resourceType":"CANARYTYPE","status":"completed","item":[]}""")]
    [InlineData("""{"resourceType":"QuestionnaireResponse","status":"CANARYOPEN""")]
    public async Task A_body_with_unknown_names_is_located_by_line_and_position_only(string body)
    {
        var response = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", new StringContent(body, Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("CANARY", text, StringComparison.Ordinal);
        var issues = ((OperationOutcome)Deserializer.DeserializeResource(text)).Issue;
        Assert.NotEmpty(issues);
        Assert.All(issues, issue => Assert.Matches(@"^Not a valid FHIR R4 resource: .+ (near|at) line \d+, position \d+$", issue.Diagnostics));
        Assert.All(issues, issue => Assert.Empty(issue.Expression));
    }

    [Theory]
    [InlineData("[]", "not a JSON object (a FHIR resource is one) near line 1, position 1")]
    [InlineData("""[{"resourceType":"QuestionnaireResponse"}]""", "not a JSON object (a FHIR resource is one) near line 1, position 1")]
    [InlineData("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\n  \"item\":[{\"linkId\":\"CANARY\\ud800\"}]}", "a string that is not text (half of a surrogate pair: a lone \\uD800-\\uDFFF escape) near line 2, position 21")]
    public async Task Json_the_parser_throws_on_is_a_400_located_by_line_and_position(string body, string problem)
    {
        // Firely's parser throws InvalidOperationException on these (no line, no position): it was a 500.
        var response = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", new StringContent(body, Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("CANARY", text, StringComparison.Ordinal);
        var issue = Assert.Single(((OperationOutcome)Deserializer.DeserializeResource(text)).Issue);
        Assert.Equal($"Not a valid FHIR R4 resource: {problem}", issue.Diagnostics);
        Assert.Empty(issue.Expression);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_parser_reads_is_told_so()
    {
        // Arrays in arrays under "item": 63 deep is read (and refused as FHIR: "Invalid nested array"), 64 deep is past
        // the parser's 64 levels (the resource's object is the first).
        static string Nested(int depth) => """{"resourceType":"QuestionnaireResponse","status":"completed","item":""" + new string('[', depth) + new string(']', depth) + "}";
        async Task<string> DiagnosticsFor(string body)
        {
            var response = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", new StringContent(body, Encoding.UTF8, "application/fhir+json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return ((OperationOutcome)Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync())).Issue[0].Diagnostics ?? "";
        }

        Assert.DoesNotContain("levels deep", await DiagnosticsFor(Nested(63)), StringComparison.Ordinal);
        Assert.StartsWith("Not a valid FHIR R4 resource: nested more than 64 levels deep at line 1, position", await DiagnosticsFor(Nested(64)), StringComparison.Ordinal);
        Assert.StartsWith("Not a valid FHIR R4 resource: nested more than 64 levels deep", await DiagnosticsFor(Nested(5000)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_a_400_naming_the_byte()
    {
        // Decoded with replacement characters, the drug name would have been evaluated changed.
        var body = Encoding.UTF8.GetBytes("""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"a","answer":[{"valueString":"sertraline"}]}]}""");
        var at = Encoding.UTF8.GetString(body).IndexOf("sertraline", StringComparison.Ordinal) + 4;
        var response = await _client.PostAsync("/fhir/QuestionnaireResponse/$evaluate",
            new ByteArrayContent([.. body[..at], 0xED, 0xA0, 0x80, .. body[at..]]) { Headers = { ContentType = new("application/fhir+json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issue = Assert.Single(((OperationOutcome)Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync())).Issue);
        Assert.Equal($"The body is not UTF-8 text: an invalid byte sequence at byte {at + 1}.", issue.Diagnostics);
    }

    [Fact]
    public void The_validator_used_here_does_report_an_invalid_resource()
    {
        // A Questionnaire without its required status, and an item without its required type: the checks above mean something only if this fails.
        var invalid = new Questionnaire { Item = [new Questionnaire.ItemComponent { LinkId = "x" }] };

        Assert.NotEmpty(FhirValidation.Errors(invalid));
    }

    private static IEnumerable<Questionnaire.ItemComponent> Flatten(IEnumerable<Questionnaire.ItemComponent> items) =>
        items.SelectMany(i => new[] { i }.Concat(Flatten(i.Item)));
}

/// <summary>The Questionnaire's wording: sentences and titles for people, instrument names as clinicians write them.</summary>
public class QuestionnaireWordingTests
{
    private static IEnumerable<Questionnaire.ItemComponent> All(IEnumerable<Questionnaire.ItemComponent> items) =>
        items.SelectMany(i => new[] { i }.Concat(All(i.Item)));

    [Fact]
    public void No_item_is_labelled_with_a_field_name_and_instruments_are_named_as_clinicians_write_them()
    {
        var texts = All(QuestionnaireBuilder.Build(TestFhir.Canonicals).Item).Select(i => i.Text ?? string.Empty).ToArray();

        Assert.All(texts, text => Assert.DoesNotMatch("^[a-z]+[A-Z0-9][A-Za-z0-9]*$", text));
        Assert.All(texts, text => Assert.Matches("^[A-Z0-9]", text));
        foreach (var name in new[] { "PHQ-9", "GAD-7", "C-SSRS", "MDQ", "ACR 2016" })
        {
            Assert.Contains(texts, text => text.Contains(name, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(texts, text => text.StartsWith("Cssrs", StringComparison.Ordinal) || text.StartsWith("Acr 2016", StringComparison.Ordinal) || text == "Mdq");
    }

    [Fact]
    public void Every_question_speaks_to_the_person_filling_the_form_about_the_patient()
    {
        // One voice: the form is filled by a clinician or coordinator, about the patient. An instrument's own wording,
        // which it asks the patient verbatim, stays as published: quoted (C-SSRS), or as the LOINC display of a coded
        // instrument item (PHQ-9, GAD-7).
        var questions = All(QuestionnaireBuilder.Build(TestFhir.Canonicals).Item)
            .Where(i => i.Type != Questionnaire.QuestionnaireItemType.Group && !(i.Code.Count > 0 && i.Code[0].System == FhirCanonicals.Loinc && (i.LinkId ?? string.Empty).Contains(".item", StringComparison.Ordinal)))
            .Select(i => System.Text.RegularExpressions.Regex.Replace(i.Text ?? string.Empty, "\"[^\"]*\"", "\"…\""))
            .ToArray();

        Assert.True(questions.Length > 80);
        Assert.All(questions, text => Assert.DoesNotMatch(@"\b([Yy]ou|[Yy]our|[Yy]ourself)\b", text));
        Assert.Contains(questions, text => text.Contains("the patient", StringComparison.Ordinal));
    }
}
