using System.Net;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Screening.Api.Tests.CdsHooks;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 7 (low): a prefetched QuestionnaireResponse with no subject, an identifier-only subject, or a subject on another
/// server's base URL gave a card for any patientId. Now the subject must be Patient/&lt;context.patientId&gt;, relative or
/// absolute on the call's fhirServer; otherwise the whole prefetch is refused.
/// </summary>
public class Finding07PrefetchSubjectTests(CdsHooksApiFactory factory) : IClassFixture<CdsHooksApiFactory>
{
    public static TheoryData<string> UnprovenSubjects() => ["none", "identifier-only", "another-server", "another-server-without-fhir-server", "display-only"];

    [Theory]
    [MemberData(nameof(UnprovenSubjects))]
    public async Task A_response_not_shown_to_be_this_patients_is_refused(string subject)
    {
        var response = CdsHookCalls.ResponseFor("refer");
        response.Subject = subject switch
        {
            "none" => null,
            "identifier-only" => new ResourceReference { Identifier = new Identifier("urn:oid:1.2.3", CdsHookCalls.PatientId) },
            "display-only" => new ResourceReference { Display = CdsHookCalls.PatientId },
            _ => new ResourceReference($"https://other-fhir.test/r4/Patient/{CdsHookCalls.PatientId}"),
        };
        var fhirServer = subject == "another-server-without-fhir-server" ? null : CdsHooksApiFactory.AllowedFhirServer;

        var answer = await CallAsync(CdsHookCalls.Hook(prefetch: CdsHookCalls.Searchset(response), fhirServer: fhirServer));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("prefetch.questionnaireResponse", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("relative")]
    [InlineData("absolute-on-the-call-fhir-server")]
    public async Task A_response_about_this_patient_gives_a_card(string subject)
    {
        var response = CdsHookCalls.ResponseFor("refer");
        response.Subject = new ResourceReference(subject == "relative" ? $"Patient/{CdsHookCalls.PatientId}" : $"{CdsHooksApiFactory.AllowedFhirServer}/Patient/{CdsHookCalls.PatientId}");

        var answer = await CallAsync(CdsHookCalls.Hook(prefetch: CdsHookCalls.Searchset(response), fhirServer: CdsHooksApiFactory.AllowedFhirServer));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"cards\":[{", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> CallAsync(System.Text.Json.Nodes.JsonObject hook) =>
        CdsHookCalls.Client(factory).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook.ToJsonString()));
}
