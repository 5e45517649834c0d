using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Screening.Api.OpenApi;
using Screening.Api.Security;
using Screening.Api.Validation;
using Screening.Domain.Intake;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Engine;
using Serilog;

namespace Screening.Api.Screenings;

/// <summary>The screening endpoints: one questionnaire, or a batch of up to 100.</summary>
public static class ScreeningsApi
{
    /// <summary>Largest body of a single screening.</summary>
    public const int MaxScreeningBytes = 64 * 1024;

    /// <summary>Largest body of a batch.</summary>
    public const int MaxBatchBytes = 1024 * 1024;

    public static RouteGroupBuilder MapScreenings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/screenings").WithTags("Screenings").WithAccessProblems();

        group.MapPost("", Screen)
            .WithName("CreateScreening")
            .WithSummary("Screen one questionnaire for ketamine / esketamine referral")
            .WithDescription("Runs the questionnaire through the rule engine and answers with an explained referral recommendation: the outcome category, the rules that decided it with the values they used and their published sources, the indications found, and the questions still to ask. Unanswered questions are unknown, never \"no\". Decision support for a clinician, not a diagnosis.")
            .Accepts<ScreeningRequest>("application/json")
            .WithBodyProblems()
            .WithMetadata(new RequestSizeLimitAttribute(MaxScreeningBytes));

        group.MapPost("/batch", ScreenBatch)
            .WithName("CreateScreeningBatch")
            .WithSummary("Screen up to 100 questionnaires in one call")
            .WithDescription("Evaluates each questionnaire on its own and answers one result per item, in order. An invalid item gets status 400 and a problem naming its fields (prefixed items[index]); the other items are still evaluated. A batch costs one rate-limit permit per item.")
            .Accepts<BatchScreeningRequest>("application/json")
            .WithBodyProblems()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBatchBytes));

        return group;
    }

    private static async Task<Results<Ok<ScreeningResult>, ProblemHttpResult>> Screen(
        HttpRequest request, IntakeReader reader, ScreeningDecisions decisions, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync<ScreeningRequest>(request, MaxScreeningBytes, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await decisions.DecideAsync(read.Value!, DecisionChannel.Rest));
    }

    private static async Task<Results<Ok<BatchScreeningResponse>, ProblemHttpResult>> ScreenBatch(
        HttpRequest request, IntakeReader reader, ScreeningDecisions decisions, ScreeningRateLimiter limiter, IDiagnosticContext diagnostics, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync<BatchScreeningRequest>(request, MaxBatchBytes, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var items = read.Value!.Items;

        // A batch costs one rate-limit permit per item: the request took one, the further items take theirs now.
        using var further = limiter.AcquireFurtherItems(request.HttpContext, items.Count);
        if (!further.IsAcquired)
        {
            var seconds = further.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"A batch costs one request per item: {items.Count} items exceed what this client's rate limit has left. Retry after {seconds} seconds, or send fewer items.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        }

        var results = new BatchItemResult[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = reader.Parse<ScreeningRequest>(JsonElementBytes(items[i]), $"items[{i}]");
            results[i] = item.Problem is { } itemProblem
                ? new BatchItemResult { Index = i, Status = StatusCodes.Status400BadRequest, Problem = (HttpValidationProblemDetails)itemProblem.ProblemDetails }
                : new BatchItemResult { Index = i, Status = StatusCodes.Status200OK, Result = await decisions.DecideAsync(item.Value!, DecisionChannel.Batch) };
        }

        diagnostics.Set("BatchSize", items.Count);
        diagnostics.Set("BatchInvalidItems", results.Count(r => r.Status != StatusCodes.Status200OK));
        return TypedResults.Ok(new BatchScreeningResponse { Results = results });
    }

    private static ReadOnlyMemory<byte> JsonElementBytes(System.Text.Json.JsonElement element) =>
        System.Text.Encoding.UTF8.GetBytes(element.GetRawText());
}
