using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Screening.Api.Observability;
using Screening.DecisionLog;
using Screening.Domain.Intake;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Engine;
using Serilog;

namespace Screening.Api.Screenings;

/// <summary>Where a decision was asked for.</summary>
public enum DecisionChannel
{
    /// <summary>POST /v1/screenings.</summary>
    Rest,

    /// <summary>One item of POST /v1/screenings/batch.</summary>
    Batch,

    /// <summary>POST /fhir/QuestionnaireResponse/$evaluate.</summary>
    Fhir,

    /// <summary>The CDS Hooks service.</summary>
    CdsHooks,

    /// <summary>The coordinator pages (/screenings/new).</summary>
    Pages,
}

/// <summary>
/// A decision made: the result, its JSON exactly as sent and kept (and the FHIR GuidanceResponse for <c>$evaluate</c>),
/// and what the record keeps of it (null when the record is off).
/// </summary>
public sealed record Decision(ScreeningResult Result, byte[] Json, byte[]? FhirJson, DecisionToKeep? ToKeep);

/// <summary>The decision record could not commit: the decision was not given to anyone, and the client may retry.</summary>
public sealed class DecisionLogUnavailableException(Exception inner) : Exception("The decision record could not commit the decision.", inner);

/// <summary>
/// The one way every channel (REST, batch, FHIR, CDS Hooks) turns validated questionnaires into decisions: an activity
/// per evaluation with the engine's work and the decision-log write as its children; each decision counted by
/// category, channel and ruleset; and every decision committed to the decision record before its response is sent,
/// so a decision id a client receives can always be looked up.
/// </summary>
public sealed class ScreeningDecisions(ScreeningEngine engine, DecisionRecorder record, ScreeningTelemetry telemetry, IDiagnosticContext diagnostics)
{
    /// <summary>The client a decision is kept for: an API client by its id, an EHR by its token's issuer.</summary>
    public static string ClientOf(ClaimsPrincipal user) => user.Identity switch
    {
        { IsAuthenticated: true, AuthenticationType: CdsHooks.CdsHooksAuthentication.Scheme, Name: { } issuer } => "cds:" + issuer,
        { IsAuthenticated: true, Name: { } client } => client,
        _ => "anonymous",
    };

    /// <summary>The activity that holds one decision's (or one batch's) evaluation and write.</summary>
    public static Activity? StartActivity(DecisionChannel channel) =>
        ScreeningTelemetry.Activities.StartActivity("screening.evaluate")?.SetTag("screening.channel", ScreeningJson.NameOf(channel));

    /// <summary>
    /// Evaluates one questionnaire (not yet kept: see <see cref="KeepAsync"/>). <paramref name="requestJson"/>: the request
    /// as the record keeps it (<see cref="IdempotencyKeys.Canonical{T}"/>), when the caller has already written it.
    /// </summary>
    public Decision Evaluate(ScreeningRequest request, DecisionChannel channel, string clientId, Func<ScreeningResult, byte[]>? fhirResponse = null, Guid? previousDecisionId = null, byte[]? requestJson = null)
    {
        var channelName = ScreeningJson.NameOf(channel);
        var started = Stopwatch.GetTimestamp();
        ScreeningResult result;
        using (ScreeningTelemetry.Activities.StartActivity("screening.rules"))
        {
            result = engine.Evaluate(request);
        }

        if (previousDecisionId is not null)
        {
            result = result with { PreviousDecisionId = previousDecisionId };
        }

        telemetry.Decided(result, channelName, Stopwatch.GetElapsedTime(started));
        if (Activity.Current is { OperationName: "screening.evaluate" } evaluation && channel != DecisionChannel.Batch)
        {
            evaluation.SetTag("screening.decision.id", result.DecisionId);
            evaluation.SetTag("screening.outcome.category", ScreeningJson.NameOf(result.Outcome.Category));
            evaluation.SetTag("screening.ruleset.version", result.Ruleset.Version);
        }

        // A batch has many decisions: its log line carries the count instead.
        if (channel != DecisionChannel.Batch)
        {
            diagnostics.Set("DecisionId", result.DecisionId);
            diagnostics.Set("OutcomeCategory", ScreeningJson.NameOf(result.Outcome.Category));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(result, ScreeningJson.Options);
        var fhirJson = fhirResponse?.Invoke(result);
        var toKeep = record.Enabled
            ? new DecisionToKeep(DecisionSummary.Of(result, clientId, channelName), requestJson ?? IdempotencyKeys.Canonical(request), json, fhirJson)
            : null;
        return new Decision(result, json, fhirJson, toKeep);
    }

    /// <summary>
    /// Commits decisions to the record (with the idempotency key they answer, if any). False when that key was used
    /// meanwhile by another request, whose response then stands. Throws <see cref="DecisionLogUnavailableException"/>
    /// when the record cannot commit.
    /// </summary>
    public async Task<bool> KeepAsync(IReadOnlyList<Decision> decisions, IdempotencyToKeep? idempotency = null)
    {
        if (!record.Enabled)
        {
            return true;
        }

        using var write = ScreeningTelemetry.Activities.StartActivity("screening.decision_log.write");
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await record.KeepAsync([.. decisions.Select(d => d.ToKeep!)], idempotency);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            write?.SetStatus(ActivityStatusCode.Error);
            throw new DecisionLogUnavailableException(exception);
        }
        finally
        {
            telemetry.Written(Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Evaluates and keeps one questionnaire.</summary>
    public async Task<Decision> DecideAsync(ScreeningRequest request, DecisionChannel channel, string clientId, Func<ScreeningResult, byte[]>? fhirResponse = null, Guid? previousDecisionId = null)
    {
        using var activity = StartActivity(channel);
        var decision = Evaluate(request, channel, clientId, fhirResponse, previousDecisionId);
        await KeepAsync([decision]);
        return decision;
    }
}
