using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

/// <summary>
/// Nothing from a request reaches a log or an error body: a unique marker is put in every string field, in unknown
/// properties, in malformed fragments and in the query string, with every log category at Verbose.
/// </summary>
[Collection(SharedApi.Name)]
public class CanaryLogTests(ApiFactory factory)
{
    private static readonly string Marker = "CANARY" + Guid.NewGuid().ToString("N");

    private static string ReferWithMarkedDrugs()
    {
        var refer = JsonNode.Parse(Examples.Named("refer").Json)!;
        foreach (var trial in refer["treatmentTrials"]!.AsArray())
        {
            trial!["drug"] = $"{Marker}-{trial["drug"]}";
        }

        return refer.ToJsonString();
    }

    private static IEnumerable<(string Path, string Body, string ContentType)> MarkedRequests()
    {
        var refer = ReferWithMarkedDrugs();
        yield return ("/v1/screenings", refer, "application/json");
        yield return ($"/v1/screenings?note={Marker}", refer, "application/json");
        yield return ("/v1/screenings", $$$"""{"patient":{"{{{Marker}}}":"{{{Marker}}}"}}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"{{{Marker}}}":1}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"vitals":{"systolicMmHg":"{{{Marker}}}"}}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"patient":{"pregnant":"{{{Marker}}}"}}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"completedOn":"{{{Marker}}}"}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"treatmentTrials":[{"condition":"{{{Marker}}}","kind":"medication","drug":"{{{Marker}}}"}]}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"treatmentTrials":[{"drug":"{{{Marker}}}{{{new string('x', 120)}}}","condition":"depression","kind":"medication"}]}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"patient":{"dateOfBirth":"{{{Marker}}}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"{{{Marker}}}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"vitals":{"systolicMmHg":120,"systolicMmHg":"{{{Marker}}}"}}""", "application/json");
        yield return ("/v1/screenings", $$$"""{"{{{Marker}}}":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""", "application/json");
        yield return ("/v1/screenings", Marker, "application/json");
        yield return ("/v1/screenings", Marker, "text/plain");
        yield return ("/v1/screenings/batch", $$$"""{"items":[{{{refer}}},{"{{{Marker}}}":true},{"vitals":{"heartRateBpm":"{{{Marker}}}"}}]}""", "application/json");
        yield return ("/v1/screenings/batch", $$$"""{"items":[],"{{{Marker}}}":1}""", "application/json");
        yield return ("/fhir/QuestionnaireResponse/$evaluate", $$$"""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"{{{Marker}}}","answer":[{"valueString":"{{{Marker}}}"}]}]}""", "application/fhir+json");
        yield return ("/fhir/QuestionnaireResponse/$evaluate", $$$"""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"vitals.systolicMmHg","answer":[{"valueString":"{{{Marker}}}"}]}]}""", "application/fhir+json");
        yield return ("/fhir/QuestionnaireResponse/$evaluate", $$$"""{"resourceType":"{{{Marker}}}"}""", "application/fhir+json");
        yield return ("/cds-services/ketamine-referral-screening", $$$"""{"hook":"{{{Marker}}}"}""", "application/json");
    }

    [Fact]
    public async Task A_marker_sent_anywhere_in_a_request_appears_in_no_log_event_and_no_error_body()
    {
        var client = factory.CreateAuthorizedClient();
        var answered = new List<HttpStatusCode>();

        foreach (var (path, body, contentType) in MarkedRequests())
        {
            var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
            answered.Add(response.StatusCode);
            if ((int)response.StatusCode >= 400)
            {
                Assert.DoesNotContain(Marker, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }

        await Task.Delay(200);

        Assert.Contains(HttpStatusCode.OK, answered);
        Assert.Contains(HttpStatusCode.BadRequest, answered);
        Assert.Contains(HttpStatusCode.UnsupportedMediaType, answered);
        Assert.NotEmpty(factory.Logs.Events);
        Assert.Empty(factory.Logs.Containing(Marker));

        // The framework did log the query string (request start, at Information); the guard redacted it.
        Assert.Contains(factory.Logs.Events, e => e.Contains("Request starting", StringComparison.Ordinal) && e.Contains("[redacted]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/v1/rules/{0}")]
    [InlineData("/fhir/Questionnaire/{0}")]
    public async Task A_marker_in_a_path_segment_is_not_logged(string template)
    {
        var response = await factory.CreateAuthorizedClient().GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Marker + "path"));

        await Task.Delay(200);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Marker + "path", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(factory.Logs.Containing(Marker + "path"));
    }
}
