using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Screening.Api.OpenApi;
using Screening.Api.Security;
using Screening.Api.Validation;
using Screening.DecisionLog;
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
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(MaxScreeningBytes));

        group.MapPost("/batch", ScreenBatch)
            .WithName("CreateScreeningBatch")
            .WithSummary("Screen up to 100 questionnaires in one call")
            .WithDescription("Evaluates each questionnaire on its own and answers one result per item, in order. An invalid item gets status 400 and a problem naming its fields (prefixed items[index]); the other items are still evaluated. A batch costs one rate-limit permit per item.")
            .Accepts<BatchScreeningRequest>("application/json")
            .WithBodyProblems()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBatchBytes));

        return group;
    }

    /// <param name="request">The HTTP request.</param>
    /// <param name="idempotencyKey">Optional: a key (e.g. a UUID) that makes a retry safe. The same client sending the same key within 24 hours gets the original response, with the same decision id; the key with a different request is a 422.</param>
    /// <param name="reader">Reads and validates the body.</param>
    /// <param name="decisions">Evaluates and keeps.</param>
    /// <param name="record">The decision record.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    private static async Task<Results<JsonBytes<ScreeningResult>, ProblemHttpResult>> Screen(
        HttpRequest request, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IntakeReader reader, ScreeningDecisions decisions,
        DecisionRecorder record, CancellationToken cancellationToken)
    {
        if (IdempotencyKeys.Check(request) is { } keyProblem)
        {
            return keyProblem;
        }

        var read = await reader.ReadAsync<ScreeningRequest>(request, MaxScreeningBytes, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var client = ScreeningDecisions.ClientOf(request.HttpContext.User);
        var canonical = idempotencyKey is null ? null : IdempotencyKeys.Canonical(read.Value!);
        if (idempotencyKey is not null && await IdempotencyKeys.EarlierAnswerAsync<ScreeningResult>(record, client, idempotencyKey, canonical!, cancellationToken) is { } earlier)
        {
            return Answer<ScreeningResult>(earlier);
        }

        using var activity = ScreeningDecisions.StartActivity(DecisionChannel.Rest);
        // With a key the request is already written as the record keeps it: the record takes those bytes.
        var decision = decisions.Evaluate(read.Value!, DecisionChannel.Rest, client, requestJson: canonical);
        var key = idempotencyKey is null ? null : new IdempotencyToKeep(client, idempotencyKey, canonical!, decision.Json);
        if (!await decisions.KeepAsync([decision], key))
        {
            // Another request with the same key committed first: its answer stands, and this decision was never kept or sent.
            return Answer<ScreeningResult>((await IdempotencyKeys.EarlierAnswerAsync<ScreeningResult>(record, client, idempotencyKey!, canonical!, cancellationToken))!);
        }

        return new JsonBytes<ScreeningResult>(decision.Json);
    }

    /// <param name="request">The HTTP request.</param>
    /// <param name="idempotencyKey">Optional: a key (e.g. a UUID) that makes a retry safe. The same client sending the same key within 24 hours gets the original response, with the same decision ids; the key with a different request is a 422.</param>
    /// <param name="reader">Reads and validates the body.</param>
    /// <param name="decisions">Evaluates and keeps.</param>
    /// <param name="record">The decision record.</param>
    /// <param name="limiter">Charges a permit per item.</param>
    /// <param name="diagnostics">The request's log line.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    private static async Task<Results<JsonBytes<BatchScreeningResponse>, ProblemHttpResult>> ScreenBatch(
        HttpRequest request, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IntakeReader reader, ScreeningDecisions decisions,
        DecisionRecorder record, ScreeningRateLimiter limiter, IDiagnosticContext diagnostics, CancellationToken cancellationToken)
    {
        if (IdempotencyKeys.Check(request) is { } keyProblem)
        {
            return keyProblem;
        }

        var read = await reader.ReadAsync<BatchScreeningRequest>(request, MaxBatchBytes, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var items = read.Value!.Items;
        var client = ScreeningDecisions.ClientOf(request.HttpContext.User);
        var canonical = idempotencyKey is null ? null : IdempotencyKeys.Canonical(read.Value!);
        if (idempotencyKey is not null && await IdempotencyKeys.EarlierAnswerAsync<BatchScreeningResponse>(record, client, idempotencyKey, canonical!, cancellationToken) is { } earlier)
        {
            return Answer<BatchScreeningResponse>(earlier);
        }

        // A batch costs one rate-limit permit per item: the request took one, the further items take theirs now.
        using var further = limiter.AcquireFurtherItems(request.HttpContext, items.Count);
        if (!further.IsAcquired)
        {
            var seconds = further.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"A batch costs one request per item: {items.Count} items exceed what this client's rate limit has left. Retry after {seconds} seconds, or send fewer items.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        using var activity = ScreeningDecisions.StartActivity(DecisionChannel.Batch);
        // Items are independent (each evaluation has its own rule session): validated and evaluated in parallel, up to
        // one per core, each into its own slot, so the answer keeps the request's order.
        var results = new (Decision? Decision, HttpValidationProblemDetails? Problem)[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var item = reader.Parse<ScreeningRequest>(JsonElementBytes(items[i]), $"items[{i}]");
            results[i] = item.Problem is { } itemProblem
                ? (null, (HttpValidationProblemDetails)itemProblem.ProblemDetails)
                : (decisions.Evaluate(item.Value!, DecisionChannel.Batch, client), null);
        });
        var decided = results.Where(r => r.Decision is not null).Select(r => r.Decision!).ToList();

        var body = BatchResponseJson(results);
        var key = idempotencyKey is null ? null : new IdempotencyToKeep(client, idempotencyKey, canonical!, body);
        if (!await decisions.KeepAsync(decided, key))
        {
            return Answer<BatchScreeningResponse>((await IdempotencyKeys.EarlierAnswerAsync<BatchScreeningResponse>(record, client, idempotencyKey!, canonical!, cancellationToken))!);
        }

        diagnostics.Set("BatchSize", items.Count);
        diagnostics.Set("BatchInvalidItems", results.Count(r => r.Problem is not null));
        return new JsonBytes<BatchScreeningResponse>(body);
    }

    /// <summary>
    /// The batch response, written around each item's result JSON as it was kept, so that an item looked up later by its
    /// decision id is byte-identical to the one in the batch.
    /// </summary>
    private static byte[] BatchResponseJson((Decision? Decision, HttpValidationProblemDetails? Problem)[] results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            for (var i = 0; i < results.Length; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("index", i);
                if (results[i].Decision is { } decision)
                {
                    json.WriteNumber("status", StatusCodes.Status200OK);
                    json.WritePropertyName("result");
                    json.WriteRawValue(decision.Json, skipInputValidation: true);
                }
                else
                {
                    json.WriteNumber("status", StatusCodes.Status400BadRequest);
                    json.WritePropertyName("problem");
                    JsonSerializer.Serialize(json, results[i].Problem, ScreeningJson.Options);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>An earlier answer as this endpoint's result type.</summary>
    private static Results<JsonBytes<T>, ProblemHttpResult> Answer<T>(IResult earlier) => earlier switch
    {
        JsonBytes<T> bytes => bytes,
        ProblemHttpResult problem => problem,
        _ => throw new InvalidOperationException("An idempotency answer is bytes or a problem."),
    };

    private static ReadOnlyMemory<byte> JsonElementBytes(System.Text.Json.JsonElement element) =>
        System.Text.Encoding.UTF8.GetBytes(element.GetRawText());
}
