using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Screening.Api.OpenApi;
using Screening.Api.Screenings;
using Screening.Api.Validation;
using Screening.DecisionLog;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Engine;

namespace Screening.Api.DecisionRecord;

/// <summary>A page of kept decisions, newest first.</summary>
public sealed record DecisionPage
{
    /// <summary>The summaries on this page (no answer values, no free text).</summary>
    public required IReadOnlyList<DecisionSummary> Items { get; init; }

    /// <summary>Pass as cursor for the next page; absent on the last page.</summary>
    public string? NextCursor { get; init; }
}

/// <summary>
/// The decision record over HTTP: a decision looked up by its id (byte-identical to the response first sent), its CDS
/// feedback, summaries by time and category, a replay under the rules and policy in force now, and a policy's impact
/// on the decisions of a window.
/// </summary>
public static class DecisionRecordApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapDecisionRecord(this IEndpointRouteBuilder routes)
    {
        var screenings = routes.MapGroup("/v1/screenings").WithTags("Decision record").WithAccessProblems();

        screenings.MapGet("/{decisionId:guid}", GetDecision)
            .WithName("GetScreening")
            .WithSummary("A decision, as it was sent")
            .WithDescription("The screening result of a kept decision, byte-identical to the response first sent (also for a batch item, an $evaluate or a CDS call, whose result is kept the same way). A client reads its own decisions; audit clients read all. Unknown or another client's: 404. Its request and response past InputRetentionDays: 410, while its summary stays in the listing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        screenings.MapGet("/{decisionId:guid}/feedback", GetFeedback)
            .WithName("GetScreeningFeedback")
            .WithSummary("What clinicians did with a decision's CDS card")
            .WithDescription("The CDS Hooks feedback recorded for the decision: accepted or overridden, when, the override reason code, the number of suggestions accepted. Free-text comments are never kept.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        screenings.MapGet("", ListDecisions)
            .WithName("ListScreenings")
            .WithSummary("Summaries of kept decisions, newest first")
            .WithDescription("Summaries (no answer values, no free text): id, time, client, channel, ruleset, policy, category, subtype, pathway, reason rule ids, indication statuses, blocking missing fields, and whether it can still be replayed. Filters: from (inclusive), to (exclusive), category. Paged by cursor. A client sees its own decisions; audit clients all.")
            .ProducesValidationProblem();

        screenings.MapPost("/{decisionId:guid}/replay", ReplayDecision)
            .WithName("ReplayScreening")
            .WithSummary("Re-evaluate a kept decision under the rules and policy in force now")
            .WithDescription("Re-evaluates the kept request with the ruleset and policy in force now, as of the day it was decided (so answers dated relative to that day mean the same), and answers both sides and every difference: category, subtype, pathway, reasons added or removed, indication statuses. Nothing is written.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        routes.MapPost("/v1/policy-impact", PolicyImpact)
            .WithTags("Decision record").WithAccessProblems()
            .WithName("PolicyImpact")
            .WithSummary("Try a policy on the decisions already made (audit clients)")
            .WithDescription("Re-evaluates every kept request of a window (default: the last 90 days) under the policy in force with the given overrides, e.g. {\"policy\":{\"trialMinWeeksAtDose\":4}}, and answers the category transitions with counts, how many decisions changed, stayed and could not be replayed (inputs purged), and the ids of those that changed. Runs on one background worker; nothing is written. For clients listed in Screening:Auth:AuditClients.")
            .Accepts<PolicyImpactRequest>("application/json")
            .WithBodyProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    private static async Task<Results<JsonBytes<ScreeningResult>, ProblemHttpResult>> GetDecision(
        Guid decisionId, HttpContext context, DecisionRecorder record, DecisionAccess access, CancellationToken cancellationToken)
    {
        var kept = await FindVisibleAsync(decisionId, context, record, access, cancellationToken);
        return kept switch
        {
            null => NotFound(),
            { Result: null } => Gone(),
            _ => new JsonBytes<ScreeningResult>(kept.Result),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<FeedbackRecord>>, ProblemHttpResult>> GetFeedback(
        Guid decisionId, HttpContext context, DecisionRecorder record, DecisionAccess access, CancellationToken cancellationToken) =>
        await FindVisibleAsync(decisionId, context, record, access, cancellationToken) is null
            ? NotFound()
            : TypedResults.Ok(await record.Store.FeedbackAsync(decisionId, cancellationToken));

    /// <param name="context">The request.</param>
    /// <param name="record">The decision record.</param>
    /// <param name="access">Who sees what.</param>
    /// <param name="from">Decided at or after this time (ISO 8601).</param>
    /// <param name="to">Decided before this time (ISO 8601); after from when both are given.</param>
    /// <param name="category">Only this outcome category.</param>
    /// <param name="limit">Page size, 1 to 500 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    private static async Task<Results<Ok<DecisionPage>, ProblemHttpResult>> ListDecisions(
        HttpContext context, DecisionRecorder record, DecisionAccess access,
        string? from, string? to, string? category, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var since = Time(from, nameof(from), errors);
        var until = Time(to, nameof(to), errors);
        if (since is not null && until is not null && until <= since)
        {
            // As for a policy impact's window: an empty window is a mistake, not a question with no answer.
            errors[nameof(to)] = [PolicyImpactRequestValidator.ToNotAfterFrom];
        }

        if (category is not null && !ScreeningJson.NamesOf(typeof(OutcomeCategory)).Contains(category))
        {
            errors[nameof(category)] = [$"must be one of: {string.Join(", ", ScreeningJson.NamesOf(typeof(OutcomeCategory)))}"];
        }

        var size = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors[nameof(limit)] = [$"must be a whole number from 1 to {MaxPageSize}"];
        }

        var after = DecisionCursor.Decode(cursor);
        if (cursor is not null && after is null)
        {
            errors[nameof(cursor)] = ["must be the nextCursor of a previous page"];
        }

        if (errors.Count > 0)
        {
            return IntakeReader.ValidationProblem(errors);
        }

        if (!record.Enabled)
        {
            return TypedResults.Ok(new DecisionPage { Items = [] });
        }

        var page = await record.Store.ListAsync(new DecisionQuery(since, until, category, access.ListingScope(context.User), size, after), cancellationToken);
        return TypedResults.Ok(new DecisionPage
        {
            Items = page,
            NextCursor = page.Count == size ? new DecisionCursor(page[^1].DecidedAt, page[^1].DecisionId).Encode() : null,
        });
    }

    private static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> ReplayDecision(
        Guid decisionId, HttpContext context, DecisionRecorder record, DecisionAccess access, ScreeningEngine engine, CancellationToken cancellationToken)
    {
        var kept = await FindVisibleAsync(decisionId, context, record, access, cancellationToken);
        return kept switch
        {
            null => NotFound(),
            { Request: null } => Gone(),
            _ => TypedResults.Ok(Replays.Replay(engine, kept)),
        };
    }

    private static async Task<Results<Ok<PolicyImpactResponse>, ProblemHttpResult>> PolicyImpact(
        HttpRequest request, IntakeReader reader, DecisionRecorder record, DecisionAccess access, ScreeningEngine engine,
        Engine.CompiledRuleset ruleset, TimeProvider time, PolicyImpactWorker worker, CancellationToken cancellationToken)
    {
        if (!access.IsAuditor(request.HttpContext.User))
        {
            return TypedResults.Problem("A policy impact reads every client's decisions: it is for the clients listed in Screening:Auth:AuditClients.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var read = await reader.ReadAsync<PolicyImpactRequest>(request, ScreeningsApi.MaxScreeningBytes, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var (policy, errors) = PolicyOverrides.Apply(engine.Policy, read.Value!.Policy);
        if (policy is null)
        {
            return IntakeReader.ValidationProblem(errors);
        }

        var until = read.Value.To ?? time.GetUtcNow();
        var since = read.Value.From ?? DefaultWindowStart(until);
        var analysis = worker.TryRun(record, engine, new ScreeningEngine(policy, time, ruleset), since, until, cancellationToken);
        if (analysis is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem("Other policy-impact analyses are running. Retry after 30 seconds.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "The service is busy");
        }

        return TypedResults.Ok(await analysis);
    }

    /// <summary>
    /// The default window's start, <see cref="PolicyImpactWorker.DefaultWindowDays"/> before its end; for an end less than
    /// that (and a day for its offset) after the calendar's first day, that day, as subtracting would throw.
    /// </summary>
    private static DateTimeOffset DefaultWindowStart(DateTimeOffset until) =>
        until.UtcDateTime - DateTime.MinValue > TimeSpan.FromDays(PolicyImpactWorker.DefaultWindowDays + 1)
            ? until.AddDays(-PolicyImpactWorker.DefaultWindowDays)
            : DateTimeOffset.MinValue;

    private static async Task<KeptDecision?> FindVisibleAsync(Guid decisionId, HttpContext context, DecisionRecorder record, DecisionAccess access, CancellationToken cancellationToken) =>
        await record.FindAsync(decisionId, cancellationToken) is { } kept && access.CanSee(context.User, kept.Summary) ? kept : null;

    private static DateTimeOffset? Time(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors[name] = ["must be a date and time in ISO 8601, e.g. 2026-11-01T00:00:00Z"];
        return null;
    }

    // The 403, 404 and 410 here take their status code's title ("Not Found"), as the router's 404 for an id that is not a UUID does.
    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        "No decision with this id is available to this client.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Gone() => TypedResults.Problem(
        "This decision's request and response were deleted after the retention period (Screening:DecisionLog:InputRetentionDays); its summary is still listed.",
        statusCode: StatusCodes.Status410Gone);
}
