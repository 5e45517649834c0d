using Hl7.Fhir.Model;

namespace Screening.Api.Fhir;

/// <summary>
/// Writes every error on the FHIR endpoints (authentication, rate limit, unknown route, unexpected failure) as an
/// OperationOutcome instead of problem+json, through ASP.NET Core's problem-details service.
/// </summary>
public sealed class OperationOutcomeWriter : IProblemDetailsWriter
{
    public const string FhirPath = "/fhir";

    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments(FhirPath);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var type = status switch
        {
            StatusCodes.Status401Unauthorized => OperationOutcome.IssueType.Login,
            StatusCodes.Status403Forbidden => OperationOutcome.IssueType.Forbidden,
            StatusCodes.Status404NotFound => OperationOutcome.IssueType.NotFound,
            StatusCodes.Status429TooManyRequests => OperationOutcome.IssueType.Throttled,
            >= 500 => OperationOutcome.IssueType.Exception,
            _ => OperationOutcome.IssueType.Invalid,
        };
        // A problem without a detail (a status code page: an unknown address, a wrong method or media type) gets one that
        // says what this endpoint serves; never the request's own path or body.
        var detail = string.IsNullOrWhiteSpace(context.ProblemDetails.Detail) ? DefaultDetail(status) : context.ProblemDetails.Detail;
        var message = string.Join(": ", new[] { context.ProblemDetails.Title, detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new ValueTask(FhirResult.Outcome(status, type, message).ExecuteAsync(context.HttpContext));
    }

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status404NotFound =>
            "no FHIR resource or operation at this address; this server serves GET metadata, GET Questionnaire/{id} (and Questionnaire?url=), GET CodeSystem/{id}, GET OperationDefinition/{id}, GET GuidanceResponse/{id} and POST QuestionnaireResponse/$evaluate",
        StatusCodes.Status405MethodNotAllowed => "this address does not take that HTTP method; see GET metadata for the interactions this server supports",
        StatusCodes.Status415UnsupportedMediaType => "send the resource as application/fhir+json",
        StatusCodes.Status401Unauthorized => "send a valid API key in the X-API-Key header",
        _ => "the request could not be processed",
    };
}
