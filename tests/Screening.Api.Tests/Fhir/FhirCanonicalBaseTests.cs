using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Screening.Api.Tests.Infrastructure;
using Screening.Fhir;

namespace Screening.Api.Tests.Fhir;

/// <summary>A service configured with Screening:Fhir:CanonicalBase (e.g. behind a proxy, under its public name).</summary>
public sealed class ConfiguredCanonicalBaseApiFactory() : ApiFactory(new Dictionary<string, string?>
{
    ["Screening:Fhir:CanonicalBase"] = ConfiguredCanonicalBaseApiFactory.Base,
})
{
    public const string Base = "https://screening.example.org/fhir";
}

/// <summary>
/// The canonical base: by default the service's own /fhir URL as a request reached it, so that every canonical it
/// hands out resolves on it; with Screening:Fhir:CanonicalBase, that base everywhere, whatever name the service is
/// reached under. A QuestionnaireResponse must name the Questionnaire under the base in force.
/// </summary>
public class FhirCanonicalBaseTests(ConfiguredCanonicalBaseApiFactory configured) : IClassFixture<ConfiguredCanonicalBaseApiFactory>
{
    private static readonly FhirJsonSerializer Serializer = new();
    private static readonly FhirJsonDeserializer Deserializer = new();
    private static readonly FhirCanonicals Configured = new(ConfiguredCanonicalBaseApiFactory.Base);

    [Fact]
    public async System.Threading.Tasks.Task By_default_the_canonicals_are_the_url_the_service_was_reached_at()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateAuthorizedClient();
        client.BaseAddress = new Uri("http://screening.internal:8080/");

        var questionnaire = await GetAsync<Questionnaire>(client, "/fhir/Questionnaire/ketamine-referral-screening");
        var capabilities = await GetAsync<CapabilityStatement>(client, "/fhir/metadata");

        Assert.Equal("http://screening.internal:8080/fhir/Questionnaire/ketamine-referral-screening", questionnaire.Url);
        Assert.Equal("http://screening.internal:8080/fhir/OperationDefinition/QuestionnaireResponse-evaluate",
            capabilities.Rest.SelectMany(r => r.Resource).SelectMany(r => r.Operation).Single().Definition);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_configured_base_names_every_artefact_whatever_the_request_url()
    {
        var client = configured.CreateAuthorizedClient();

        var questionnaire = await GetAsync<Questionnaire>(client, "/fhir/Questionnaire/ketamine-referral-screening");
        var found = await GetAsync<Bundle>(client, $"/fhir/Questionnaire?url={Uri.EscapeDataString(Configured.Questionnaire)}");
        var outcomes = await GetAsync<CodeSystem>(client, "/fhir/CodeSystem/outcome-category");
        var overrideReasons = await GetAsync<CodeSystem>(client, "/fhir/CodeSystem/cds-override-reason");
        var discovery = await client.GetStringAsync("/cds-services");

        Assert.Equal(Configured.Questionnaire, questionnaire.Url);
        Assert.Equal(1, found.Total);
        Assert.Equal(Configured.OutcomeCategorySystem, outcomes.Url);
        Assert.Equal(Configured.OverrideReasonSystem, overrideReasons.Url);
        Assert.Contains($"questionnaire={Configured.Questionnaire}", discovery, StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost", discovery, StringComparison.Ordinal);
        Assert.Empty(FhirValidation.Errors(overrideReasons));
    }

    [Fact]
    public async System.Threading.Tasks.Task Evaluate_accepts_the_questionnaire_under_the_base_in_force_and_names_it_when_refusing_another()
    {
        var client = configured.CreateAuthorizedClient();
        var request = Examples.Named("refer").Request;

        var accepted = await EvaluateAsync(client, QuestionnaireResponseBuilder.FromRequest(request, Configured));
        var refused = await EvaluateAsync(client, QuestionnaireResponseBuilder.FromRequest(request, TestFhir.Canonicals));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var guidance = Assert.IsType<GuidanceResponse>(Deserializer.DeserializeResource(await accepted.Content.ReadAsStringAsync()));
        Assert.StartsWith(ConfiguredCanonicalBaseApiFactory.Base + "/Library/", guidance.Module.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"must be {Configured.Questionnaire}", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async System.Threading.Tasks.Task<T> GetAsync<T>(HttpClient client, string path)
        where T : Resource =>
        Assert.IsType<T>(Deserializer.DeserializeResource(await client.GetStringAsync(path)));

    private static Task<HttpResponseMessage> EvaluateAsync(HttpClient client, QuestionnaireResponse response) =>
        client.PostAsync("/fhir/QuestionnaireResponse/$evaluate", new StringContent(Serializer.SerializeToString(response), Encoding.UTF8, "application/fhir+json"));
}
