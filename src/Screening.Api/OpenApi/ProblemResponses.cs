namespace Screening.Api.OpenApi;

/// <summary>The problem+json answers an endpoint can give, declared once so every operation documents them alike.</summary>
public static class ProblemResponses
{
    /// <summary>429 past the rate limit: every endpoint, anonymous ones included (limited per IP).</summary>
    public static TBuilder WithRateLimitProblem<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>401 without a valid key, and 429: every protected endpoint.</summary>
    public static TBuilder WithAccessProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithProblem(StatusCodes.Status401Unauthorized).WithRateLimitProblem();

    /// <summary>401 and 429 on the FHIR endpoints, where every error is an OperationOutcome.</summary>
    public static TBuilder WithFhirAccessProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder
        .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(string), [Fhir.FhirResult.ContentType]))
        .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(string), [Fhir.FhirResult.ContentType]));

    private static TBuilder WithProblem<TBuilder>(this TBuilder builder, int status)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));

    /// <summary>400 naming the fields, 413 over the size limit, 415 for a body that is not UTF-8 JSON: endpoints that read a body.</summary>
    public static RouteHandlerBuilder WithBodyProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
