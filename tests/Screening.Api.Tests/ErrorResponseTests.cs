using System.Net;
using System.Text;
using System.Text.Json;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

/// <summary>Bad input gets a 4xx problem+json that names the field and never repeats what was sent.</summary>
[Collection(SharedApi.Name)]
public class ErrorResponseTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAuthorizedClient();

    private async Task<(HttpStatusCode Status, JsonElement Problem)> PostAsync(HttpContent content)
    {
        var response = await _client.PostAsync("/v1/screenings", content);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    private static string[] ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_body()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["body"], ErrorFields(problem));
    }

    [Fact]
    public async Task An_unknown_property_is_a_400_naming_its_place_without_repeating_it()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("""{"patient":{"sexAtBirth":"female","favouriteColour":"blue"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["patient.(property 2)"], ErrorFields(problem));
        Assert.DoesNotContain("favouriteColour", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_reading_and_a_series_together_are_a_400_naming_the_series()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("""{"vitals":{"systolicMmHg":130,"diastolicMmHg":80,"bloodPressureReadings":[{"systolicMmHg":130,"diastolicMmHg":80}]}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["vitals.bloodPressureReadings"], ErrorFields(problem));
    }

    [Fact]
    public async Task More_than_three_readings_are_a_400()
    {
        var reading = """{"systolicMmHg":130,"diastolicMmHg":80}""";
        var (status, problem) = await PostAsync(JsonContent.Of("""{"vitals":{"bloodPressureReadings":[""" + string.Join(',', Enumerable.Repeat(reading, 4)) + "]}}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["vitals.bloodPressureReadings"], ErrorFields(problem));
    }

    [Fact]
    public async Task A_reading_out_of_range_is_a_400_naming_it()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("""{"vitals":{"bloodPressureReadings":[{"systolicMmHg":130,"diastolicMmHg":80},{"systolicMmHg":400,"diastolicMmHg":80}]}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["vitals.bloodPressureReadings[1].systolicMmHg"], ErrorFields(problem));
    }

    [Fact]
    public async Task An_upside_down_reading_is_a_400_naming_its_diastolic_pressure()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("""{"vitals":{"bloodPressureReadings":[{"systolicMmHg":130,"diastolicMmHg":80},{"systolicMmHg":80,"diastolicMmHg":130}]}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["vitals.bloodPressureReadings[1].diastolicMmHg"], ErrorFields(problem));
    }

    [Fact]
    public async Task A_reading_without_its_diastolic_pressure_is_a_400()
    {
        var (status, _) = await PostAsync(JsonContent.Of("""{"vitals":{"bloodPressureReadings":[{"systolicMmHg":130}]}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_null_treatment_history_is_valid_and_unknown()
    {
        var response = await _client.PostAsync("/v1/screenings", JsonContent.Of("""{"treatmentTrials":null}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Text_plain_is_a_415()
    {
        var (status, _) = await PostAsync(new StringContent("{}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task A_charset_other_than_utf8_is_a_415()
    {
        var (status, _) = await PostAsync(new StringContent("{}", Encoding.Latin1, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Every_out_of_range_field_is_named()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("""{"instruments":{"phq9":{"total":28},"gad7Total":-1},"vitals":{"systolicMmHg":301}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["instruments.gad7Total", "instruments.phq9.total", "vitals.systolicMmHg"], ErrorFields(problem).Order(StringComparer.Ordinal));
        Assert.Equal("must be a whole number from 0 to 27", problem.GetProperty("errors").GetProperty("instruments.phq9.total")[0].GetString());
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_rejected_with_what_the_field_expects()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("""{"vitals":{"systolicMmHg":"120"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("must be a whole number from 50 to 300", problem.GetProperty("errors").GetProperty("vitals.systolicMmHg")[0].GetString());
    }

    [Fact]
    public async Task An_invalid_answer_lists_the_allowed_values()
    {
        var (_, problem) = await PostAsync(JsonContent.Of("""{"patient":{"pregnant":"maybe"}}"""));

        Assert.Equal("must be one of: unknown, yes, no", problem.GetProperty("errors").GetProperty("patient.pregnant")[0].GetString());
    }

    [Fact]
    public async Task A_duplicate_property_is_rejected_naming_it()
    {
        var (status, problem) = await PostAsync(JsonContent.Of("""{"vitals":{"systolicMmHg":120,"systolicMmHg":190}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["vitals.systolicMmHg"], ErrorFields(problem));
    }

    [Fact]
    public async Task Nesting_deeper_than_32_is_rejected()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var (status, _) = await PostAsync(JsonContent.Of($$$"""{"patient":{"x":{{{deep}}}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_treatment_trial_without_its_required_fields_names_them()
    {
        var (_, problem) = await PostAsync(JsonContent.Of("""{"treatmentTrials":[{"drug":"sertraline"}]}"""));

        Assert.Equal(["treatmentTrials[0].condition", "treatmentTrials[0].kind"], ErrorFields(problem));
        Assert.Equal("is required", problem.GetProperty("errors").GetProperty("treatmentTrials[0].condition")[0].GetString());
    }

    [Fact]
    public async Task Impossible_combinations_are_named()
    {
        var (_, problem) = await PostAsync(JsonContent.Of("""{"instruments":{"phq9":{"total":2,"item9":3}},"vitals":{"systolicMmHg":80,"diastolicMmHg":90}}"""));

        Assert.Equal(["instruments.phq9.item9", "vitals.diastolicMmHg"], ErrorFields(problem).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    public async Task A_body_that_is_not_an_object_is_a_400(string body)
    {
        var (status, problem) = await PostAsync(JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["body"], ErrorFields(problem));
    }

    [Theory]
    [InlineData("""{"treatmentTrials":[{"condition":"depression","kind":"medication","drug":"sert\ud800raline"}]}""", "treatmentTrials[0].drug")]
    [InlineData("""{"patient":{"sexAtBirth":"\udc00female"}}""", "patient.sexAtBirth")]
    [InlineData("""{"completedOn":"2026-11-0\ud8001"}""", "completedOn")]
    [InlineData("""{"patient":{"sexAt\ud800Birth":"female"}}""", "patient.(property 1)")]
    public async Task Half_a_surrogate_pair_is_a_400_naming_the_field(string body, string field)
    {
        // "\ud800" alone is valid JSON syntax but no text: every use of it threw (a 500) until the shape check refused it.
        var (status, problem) = await PostAsync(JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], ErrorFields(problem));
    }

    [Fact]
    public async Task Dates_in_the_calendars_first_years_are_checked_without_failing()
    {
        // "120 years before the answers" does not exist for answers given in year 1: that subtraction threw (a 500).
        var (status, problem) = await PostAsync(JsonContent.Of("""{"completedOn":"0001-01-01","patient":{"dateOfBirth":"1980-05-14"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["patient.dateOfBirth"], ErrorFields(problem));

        var early = await _client.PostAsync("/v1/screenings", JsonContent.Of("""{"completedOn":"0100-01-01","patient":{"dateOfBirth":"0001-01-01"}}"""));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
    }

    [Theory]
    [InlineData("2026-11-02", "must not be after the date the answers were given")]
    [InlineData("1980-05-13", "must not be before the date of birth")]
    public async Task An_episode_starting_after_the_answers_or_before_birth_is_named(string started, string message)
    {
        var (status, problem) = await PostAsync(JsonContent.Of($$$"""{"completedOn":"2026-11-01","patient":{"dateOfBirth":"1980-05-14"},"diagnoses":{"currentEpisodeStartDate":"{{{started}}}"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([message], problem.GetProperty("errors").GetProperty("diagnoses.currentEpisodeStartDate").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("2026-11-01")]
    [InlineData("1980-05-14")]
    public async Task An_episode_starting_on_the_day_of_the_answers_or_of_birth_is_valid(string started)
    {
        var response = await _client.PostAsync("/v1/screenings", JsonContent.Of($$$"""{"completedOn":"2026-11-01","patient":{"dateOfBirth":"1980-05-14"},"diagnoses":{"currentEpisodeStartDate":"{{{started}}}"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await _client.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
