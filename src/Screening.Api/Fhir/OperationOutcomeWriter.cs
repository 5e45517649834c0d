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
        var message = string.Join(": ", new[] { context.ProblemDetails.Title, context.ProblemDetails.Detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new ValueTask(FhirResult.Outcome(status, type, message.Length > 0 ? message : "Request failed.").ExecuteAsync(context.HttpContext));
    }
}
