using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Screening.Api.Fhir;
using Screening.Api.OpenApi;
using Screening.Api.Screenings;
using Screening.Api.Validation;
using Screening.Domain.Json;
using Screening.Engine;
using Screening.Fhir;
using Screening.Fhir.CdsHooks;
using Serilog;

namespace Screening.Api.CdsHooks;

/// <summary>
/// CDS Hooks 2.0: discovery, the patient-view service that turns the patient's latest completed screening
/// questionnaire into one card, and feedback. Calls to the service and its feedback carry the EHR's signed JWT.
/// </summary>
public static class CdsHooksApi
{
    public const string DiscoveryPath = "/cds-services";
    public const string ServicePath = $"{DiscoveryPath}/{ScreeningCdsService.Id}";
    public const string FeedbackPath = $"{ServicePath}/feedback";

    /// <summary>A hook call carries its prefetched searchset Bundle, which can be larger than a screening.</summary>
    public const int MaxHookBytes = 512 * 1024;

    public const int MaxFeedbackBytes = 64 * 1024;

    public static RouteGroupBuilder MapCdsHooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(DiscoveryPath).WithTags("CDS Hooks");

        routes.MapGet(DiscoveryPath, (HttpRequest request, FhirCanonicalBase canonicalBase) => TypedResults.Json(canonicalBase.For(request).CdsDiscovery, ScreeningJson.Options))
            .WithTags("CDS Hooks")
            .AllowAnonymous()
            .WithRateLimitProblem()
            .Produces<CdsDiscovery>(StatusCodes.Status200OK, "application/json")
            .WithName("DiscoverCdsServices")
            .WithSummary("CDS Hooks discovery")
            .WithDescription("The CDS services offered: ketamine-referral-screening on patient-view, with a prefetch template for the patient's latest completed screening QuestionnaireResponse. Anonymous: it describes the service and holds no patient data.");

        group.MapPost($"/{ScreeningCdsService.Id}", CallAsync)
            .RequireAuthorization(CdsHooksAuthentication.Policy)
            .WithAccessProblems()
            .WithName("CallKetamineReferralScreeningService")
            .WithSummary("CDS Hooks patient-view: the screening recommendation as a card")
            .WithDescription("Evaluates the prefetched QuestionnaireResponse (a searchset Bundle, as CDS Hooks 2.0 sends a search prefetch, or the resource itself) and answers one card: indicator critical (urgent-crisis-referral, not-eligible-contraindicated), warning (insufficient-information, refer-with-specialist-review) or info (refer, not-eligible-criteria-not-met); the reasons and sources in markdown; for a referral a suggestion creating a draft ServiceRequest. No cards when the patient has no completed questionnaire. Without the prefetch the service searches the client's fhirServer only when it is on the configured allowlist, else 412. Needs a JWT from a trusted issuer.")
            .Accepts<CdsHookRequest>("application/json")
            .Produces<CdsResponse>(StatusCodes.Status200OK, "application/json")
            .WithBodyProblems()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(MaxHookBytes));

        group.MapPost($"/{ScreeningCdsService.Id}/feedback", Feedback)
            .RequireAuthorization(CdsHooksAuthentication.Policy)
            .WithAccessProblems()
            .WithName("SendKetamineReferralScreeningFeedback")
            .WithSummary("CDS Hooks feedback on a card")
            .WithDescription("Records whether the clinician accepted a card (and which suggestions) or overrode it (and the reason code). The record joins the decision log on the card uuid, which is the decision id, when that decision was made for the same client (feedback on any other card is answered 200 and not kept); free-text comments are not kept.")
            .Accepts<CdsFeedbackRequest>("application/json")
            .Produces(StatusCodes.Status200OK)
            .WithBodyProblems();

        return group;
    }

    private static async Task<Results<JsonHttpResult<CdsResponse>, ProblemHttpResult>> CallAsync(
        HttpRequest request, IntakeReader reader, FhirEvaluator evaluator, ScreeningDecisions decisions, FhirServerClient fhirServer,
        FhirCanonicalBase canonicalBase, IOptions<CdsHooksOptions> options, IDiagnosticContext diagnostics, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync<CdsHookRequest>(request, MaxHookBytes, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var call = read.Value!;
        var canonicals = canonicalBase.CanonicalsFor(request);
        var patientId = call.Context.PatientId!;
        const string PrefetchField = $"prefetch.{ScreeningCdsService.PrefetchKey}";

        // The prefetch, when the client sent it; an OperationOutcome there means the client could not fetch it.
        Resource? data = null;
        var fetched = false;
        if (call.Prefetch?.GetValueOrDefault(ScreeningCdsService.PrefetchKey) is { ValueKind: not System.Text.Json.JsonValueKind.Null } prefetched)
        {
            data = FhirJson.TryParse(prefetched.GetRawText(), out var problems);
            if (data is null)
            {
                // Each problem by name and FHIRPath; the parser's line and position would count from the prefetch, not the body.
                return Invalid(PrefetchField, [.. problems.Select(p => $"is not a valid FHIR R4 resource: {p.Problem}{(p.Expression is null ? "" : " at " + p.Expression)}")]);
            }

            data = data is OperationOutcome ? null : data;
        }

        if (data is null)
        {
            if (!fhirServer.IsAllowed(call.FhirServer))
            {
                return Precondition($"Send the {ScreeningCdsService.PrefetchKey} prefetch; the service queries a fhirServer only when it is on its allowlist.");
            }

            data = await fhirServer.SearchAsync(call.FhirServer!, call.FhirAuthorization, patientId, canonicals, cancellationToken);
            fetched = true;
            if (data is null)
            {
                return Precondition("The FHIR server did not answer the QuestionnaireResponse search with a FHIR resource.");
            }
        }

        var selection = PrefetchReader.Select(data, patientId, call.FhirServer, canonicals);
        switch (selection.Status)
        {
            case PrefetchStatus.NoneCompleted:
                diagnostics.Set("OutcomeCategory", "no-completed-questionnaire");
                return TypedResults.Json(new CdsResponse([]), ScreeningJson.Options);
            case PrefetchStatus.Unusable:
                return fetched
                    ? Precondition("The FHIR server answered the search with something other than a searchset Bundle.")
                    : Invalid(PrefetchField, "must be a searchset Bundle of QuestionnaireResponse, or a QuestionnaireResponse");
            case PrefetchStatus.OtherPatient:
                return fetched
                    ? Precondition("The FHIR server returned a QuestionnaireResponse about another patient.")
                    : Invalid(PrefetchField, "holds a QuestionnaireResponse whose subject is not Patient/<context.patientId> (relative, or on the call's fhirServer)");
        }

        var (intake, issues) = evaluator.ToRequest(selection.Response!, canonicals);
        if (intake is null)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(issues
                .GroupBy(i => PrefetchField + i.Location[nameof(QuestionnaireResponse).Length..])
                .ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The QuestionnaireResponse cannot be evaluated",
                Detail = "Each key locates an item of the QuestionnaireResponse (FHIRPath).",
            });
        }

        var result = (await decisions.DecideAsync(intake, DecisionChannel.CdsHooks, ScreeningDecisions.ClientOf(request.HttpContext.User))).Result;
        var settings = options.Value;
        var sourceUrl = settings.SourceUrl?.AbsoluteUri ?? (settings.ServiceBaseUrl is null ? null : settings.ServiceUrl("/swagger"));
        var card = CardBuilder.Build(result, patientId, call.Context.UserId, selection.Response!.Id, sourceUrl, canonicals);
        return TypedResults.Json(new CdsResponse([card]), ScreeningJson.Options);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> Feedback(
        HttpRequest request, IntakeReader reader, CdsFeedbackRecorder recorder, FhirCanonicalBase canonicalBase, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync<CdsFeedbackRequest>(request, MaxFeedbackBytes, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        foreach (var feedback in read.Value!.Feedback)
        {
            await recorder.RecordAsync(feedback, canonicalBase.CanonicalsFor(request), request.HttpContext.User, cancellationToken);
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult Invalid(string field, params string[] messages) =>
        IntakeReader.ValidationProblem(new Dictionary<string, string[]> { [field] = messages });

    private static ProblemHttpResult Precondition(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "The questionnaire response is not available");
}

