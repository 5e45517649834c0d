using System.Text;
using Hl7.Fhir.Model;
using Microsoft.Net.Http.Headers;
using Screening.Api.DecisionRecord;
using Screening.Api.OpenApi;
using Screening.Api.Screenings;
using Screening.Api.Validation;
using Screening.DecisionLog;
using Screening.Domain.Intake;
using Screening.Engine;
using Screening.Fhir;
using Serilog;

namespace Screening.Api.Fhir;

/// <summary>
/// FHIR R4 for EHR forms: the capability statement, the Questionnaire generated from the intake model,
/// QuestionnaireResponse evaluation into a GuidanceResponse, and the GuidanceResponses kept by the decision record. application/fhir+json in and out; errors are
/// OperationOutcome resources.
/// </summary>
public static class FhirApi
{
    public static RouteGroupBuilder MapFhir(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(OperationOutcomeWriter.FhirPath).WithTags("FHIR").WithFhirAccessProblems();

        group.MapGet("/metadata", GetCapabilities)
            .WithName("GetFhirCapabilities")
            .WithSummary("FHIR capability statement")
            .WithDescription("A FHIR R4 CapabilityStatement describing the FHIR endpoints: read the screening Questionnaire, evaluate a QuestionnaireResponse with $evaluate.")
            .Produces<string>(StatusCodes.Status200OK, FhirResult.ContentType);

        group.MapGet("/Questionnaire/{id}", GetQuestionnaire)
            .WithName("GetFhirQuestionnaire")
            .WithSummary("The screening Questionnaire (FHIR R4, SDC)")
            .WithDescription($"The Structured Data Capture Questionnaire '{FhirCanonicals.QuestionnaireId}', generated from the same intake model as the JSON API: item types, answer options, units, ranges, required items, enableWhen, and LOINC codes for the PHQ-9 and GAD-7. An EHR renders it as a form.")
            .Produces<string>(StatusCodes.Status200OK, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status404NotFound, FhirResult.ContentType);

        group.MapGet("/CodeSystem/{id}", GetCodeSystem)
            .WithName("GetFhirCodeSystem")
            .WithSummary("A code system of the service")
            .WithDescription("The CodeSystems the Questionnaire, GuidanceResponses and cards use: outcome-category, screening-rule (the rule catalog's ids), and one per choice question of the intake model (e.g. sex-at-birth, hepatic-impairment). Unknown id: 404.")
            .Produces<string>(StatusCodes.Status200OK, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status404NotFound, FhirResult.ContentType);

        group.MapGet("/OperationDefinition/{id}", GetOperationDefinition)
            .WithName("GetFhirOperationDefinition")
            .WithSummary("The $evaluate OperationDefinition")
            .WithDescription("OperationDefinition 'QuestionnaireResponse-evaluate', the definition the CapabilityStatement names for $evaluate.")
            .Produces<string>(StatusCodes.Status200OK, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status404NotFound, FhirResult.ContentType);

        group.MapGet("/Questionnaire", SearchQuestionnaires)
            .WithName("SearchFhirQuestionnaires")
            .WithSummary("Search Questionnaires by canonical URL")
            .WithDescription($"A searchset Bundle: the screening Questionnaire when `url` is its canonical URL (`<canonical base>/Questionnaire/{FhirCanonicals.QuestionnaireId}`, optionally with `|version`; the base is `Screening:Fhir:CanonicalBase`, by default this server's `/fhir` URL) or absent, otherwise empty. How a form filler resolves the canonical a QuestionnaireResponse names.")
            .Produces<string>(StatusCodes.Status200OK, FhirResult.ContentType);

        group.MapPost("/QuestionnaireResponse/$evaluate", Evaluate)
            .WithName("EvaluateFhirQuestionnaireResponse")
            .WithSummary("Evaluate a QuestionnaireResponse into a GuidanceResponse")
            .WithDescription("Maps a QuestionnaireResponse of the screening Questionnaire to the intake model (unanswered items are unknown; PHQ-9 and GAD-7 totals are computed from complete items and checked against a submitted total), runs the rules, and answers a GuidanceResponse: status success, or data-required with one dataRequirement per missing item (its linkId). A contained Parameters resource carries the outcome category, every reason with its rule id, text and citation, and the ruleset version. An unknown linkId or a wrong answer type gives 422 with an OperationOutcome.")
            .Accepts<string>(FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status200OK, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status400BadRequest, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status413PayloadTooLarge, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status415UnsupportedMediaType, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status422UnprocessableEntity, FhirResult.ContentType)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ScreeningsApi.MaxScreeningBytes));

        group.MapGet("/GuidanceResponse/{id}", GetGuidanceResponse)
            .WithName("GetFhirGuidanceResponse")
            .WithSummary("A GuidanceResponse given by $evaluate, from the decision record")
            .WithDescription("The GuidanceResponse of a decision made through $evaluate, exactly as it was sent; its id is the decision id. A client reads its own decisions (audit clients all of them). Unknown, another client's, made through another channel, or with its inputs past retention: 404.")
            .Produces<string>(StatusCodes.Status200OK, FhirResult.ContentType)
            .Produces<string>(StatusCodes.Status404NotFound, FhirResult.ContentType);

        return group;
    }

    private static FhirResult GetCapabilities(HttpRequest request, FhirCanonicalBase canonicalBase) => new(canonicalBase.For(request).Capabilities);

    private static async System.Threading.Tasks.Task<IResult> GetGuidanceResponse(
        string id, HttpContext context, DecisionRecorder record, DecisionAccess access, CancellationToken cancellationToken)
    {
        var kept = Guid.TryParse(id, out var decisionId) ? await record.FindAsync(decisionId, cancellationToken) : null;
        return kept is { FhirResponse: { } guidance } && access.CanSee(context.User, kept.Summary)
            ? new FhirJsonResult(guidance)
            : FhirResult.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
                "No GuidanceResponse with this id is available to this client (decisions made through $evaluate, kept for InputRetentionDays).");
    }

    private static FhirResult GetQuestionnaire(string id, HttpRequest request, FhirCanonicalBase canonicalBase) => id == FhirCanonicals.QuestionnaireId
        ? new FhirResult(canonicalBase.For(request).Questionnaire)
        : FhirResult.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"The only Questionnaire is {FhirCanonicals.QuestionnaireId}.");

    private static FhirResult GetCodeSystem(string id, HttpRequest request, FhirCanonicalBase canonicalBase)
    {
        var systems = canonicalBase.For(request).CodeSystems;
        return systems.TryGetValue(id, out var system)
            ? new FhirResult(system)
            : FhirResult.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No CodeSystem with that id; this server's are: {string.Join(", ", systems.Keys.Order(StringComparer.Ordinal))}.");
    }

    private static FhirResult GetOperationDefinition(string id, HttpRequest request, FhirCanonicalBase canonicalBase) => id == FhirCanonicals.EvaluateOperationId
        ? new FhirResult(canonicalBase.For(request).Evaluation)
        : FhirResult.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"The only OperationDefinition is {FhirCanonicals.EvaluateOperationId}.");

    /// <param name="url">The canonical URL searched for (optionally url|version).</param>
    /// <param name="request">The request: its URL is the canonical base when none is configured.</param>
    /// <param name="canonicalBase">The canonical base in force.</param>
    private static FhirResult SearchQuestionnaires(string? url, HttpRequest request, FhirCanonicalBase canonicalBase)
    {
        var artefacts = canonicalBase.For(request);
        var (canonical, version) = url?.Split('|', 2) is [var u, var v] ? (u, v) : (url, null);
        var matches = canonical is null || (canonical == artefacts.Canonicals.Questionnaire && (version is null || version == artefacts.Questionnaire.Version));
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = matches ? 1 : 0 };
        if (matches)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = artefacts.Canonicals.Questionnaire,
                Resource = artefacts.Questionnaire,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return new FhirResult(bundle);
    }

    private static async System.Threading.Tasks.Task<IResult> Evaluate(
        HttpRequest request, FhirEvaluator evaluator, FhirCanonicalBase canonicalBase, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals(FhirResult.ContentType, StringComparison.OrdinalIgnoreCase) || mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return FhirResult.Outcome(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported, "Send the QuestionnaireResponse as application/fhir+json.");
        }

        var invalidAt = -1;
        var (status, body) = await IntakeReader.ReadBoundedAsync(request, ScreeningsApi.MaxScreeningBytes, bytes => FhirJson.DecodeUtf8(bytes.Span, out invalidAt), cancellationToken);
        switch (status)
        {
            case BodyReadStatus.TooLarge:
                return FhirResult.Outcome(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, $"The body must be at most {ScreeningsApi.MaxScreeningBytes} bytes.");
            case BodyReadStatus.Malformed:
                return FhirResult.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure, "The body was cut short or its transfer encoding is malformed.");
            case BodyReadStatus.Busy:
                request.HttpContext.Response.Headers.RetryAfter = "1";
                return FhirResult.Outcome(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Throttled, "Too many requests are being read at once. Retry after 1 seconds.");
        }

        if (body is null)
        {
            return FhirResult.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure, $"The body is not UTF-8 text: an invalid byte sequence at byte {invalidAt + 1}.");
        }

        return (await evaluator.EvaluateAsync(body, Screenings.ScreeningDecisions.ClientOf(request.HttpContext.User), canonicalBase.CanonicalsFor(request))).Response;
    }
}
