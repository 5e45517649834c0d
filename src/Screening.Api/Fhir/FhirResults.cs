using Hl7.Fhir.Model;
using Screening.Fhir;

namespace Screening.Api.Fhir;

/// <summary>A FHIR resource as an HTTP answer, written by the Firely serializer as application/fhir+json.</summary>
public sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/fhir+json";
    public Resource Resource { get; } = resource;

    public int? StatusCode { get; } = statusCode;

    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode!.Value;
        httpContext.Response.ContentType = $"{ContentType}; charset=utf-8";
        await httpContext.Response.WriteAsync(FhirJson.Serialize(Resource));
    }

    /// <summary>An OperationOutcome with one issue per entry: the FHIR form of an error.</summary>
    public static FhirResult Outcome(int statusCode, OperationOutcome.IssueType type, IEnumerable<(string? Expression, string Message)> issues) =>
        new(new OperationOutcome
        {
            Issue = issues.Select(issue => new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Diagnostics = issue.Message,
                Expression = issue.Expression is null ? [] : [issue.Expression],
            }).ToList(),
        }, statusCode);

    public static FhirResult Outcome(int statusCode, OperationOutcome.IssueType type, string message) =>
        Outcome(statusCode, type, [(null, message)]);
}

/// <summary>A FHIR resource already serialized (as the decision record keeps it): answered exactly as it was first sent.</summary>
public sealed class FhirJsonResult(byte[] utf8Json) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = $"{FhirResult.ContentType}; charset=utf-8";
        httpContext.Response.ContentLength = utf8Json.Length;
        return httpContext.Response.Body.WriteAsync(utf8Json).AsTask();
    }
}
