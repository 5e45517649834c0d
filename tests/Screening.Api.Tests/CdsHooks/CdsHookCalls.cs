using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Screening.Api.Tests.Infrastructure;
using Screening.Fhir;

namespace Screening.Api.Tests.CdsHooks;

/// <summary>Building CDS Hooks calls for the tests: the hook request, a prefetched questionnaire response, a client with a token.</summary>
public static class CdsHookCalls
{
    public const string PatientId = "pt-4711";
    public static readonly FhirJsonSerializer Serializer = new();

    /// <summary>A client that sends the given token (by default a fresh valid one for the service endpoint).</summary>
    public static HttpClient Client(CdsHooksApiFactory factory, string? token = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? CdsHooksApiFactory.Token());
        return client;
    }

    /// <param name="category">The example to answer with.</param>
    /// <param name="canonicals">The canonicals of the service that will read it (by default the in-memory test server's).</param>
    public static QuestionnaireResponse ResponseFor(string category, FhirCanonicals? canonicals = null)
    {
        var response = QuestionnaireResponseBuilder.FromRequest(Examples.Named(category).Request, canonicals ?? TestFhir.Canonicals, new ResourceReference($"Patient/{PatientId}"));
        response.Id = $"qr-{category}";
        response.Authored = "2026-11-20T09:00:00Z";
        return response;
    }

    public static Bundle Searchset(params QuestionnaireResponse[] responses) => new()
    {
        Type = Bundle.BundleType.Searchset,
        Total = responses.Length,
        Entry = responses.Select(r => new Bundle.EntryComponent { FullUrl = $"https://fhir.test/r4/QuestionnaireResponse/{r.Id}", Resource = r }).ToList(),
    };

    public static JsonObject Hook(Resource? prefetch = null, string? fhirServer = null, string? accessToken = null)
    {
        var hook = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/dr-1", ["patientId"] = PatientId },
        };
        if (fhirServer is not null)
        {
            hook["fhirServer"] = fhirServer;
        }

        if (accessToken is not null)
        {
            hook["fhirAuthorization"] = new JsonObject { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/QuestionnaireResponse.read", ["subject"] = "ketamine-screening" };
        }

        if (prefetch is not null)
        {
            hook["prefetch"] = new JsonObject { ["questionnaireResponse"] = JsonNode.Parse(Serializer.SerializeToString(prefetch)) };
        }

        return hook;
    }
}
