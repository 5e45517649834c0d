using System.Diagnostics;
using Screening.Api.Observability;
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
}

/// <summary>
/// The one way every channel (REST, batch, FHIR, CDS Hooks) turns a validated questionnaire into a decision: an activity
/// for the evaluation with the engine's work as its child, the decision counted by category, channel and ruleset, and
/// the decision id and category put on the request's log line.
/// </summary>
public sealed class ScreeningDecisions(ScreeningEngine engine, ScreeningTelemetry telemetry, IDiagnosticContext diagnostics)
{
    public ValueTask<ScreeningResult> DecideAsync(ScreeningRequest request, DecisionChannel channel)
    {
        var channelName = ScreeningJson.NameOf(channel);
        using var evaluation = ScreeningTelemetry.Activities.StartActivity("screening.evaluate");
        evaluation?.SetTag("screening.channel", channelName);

        var started = Stopwatch.GetTimestamp();
        ScreeningResult result;
        using (ScreeningTelemetry.Activities.StartActivity("screening.rules"))
        {
            result = engine.Evaluate(request);
        }

        telemetry.Decided(result, channelName, Stopwatch.GetElapsedTime(started));
        evaluation?.SetTag("screening.decision.id", result.DecisionId);
        evaluation?.SetTag("screening.outcome.category", ScreeningJson.NameOf(result.Outcome.Category));
        evaluation?.SetTag("screening.ruleset.version", result.Ruleset.Version);

        // A batch has many decisions: its log line carries the count instead.
        if (channel != DecisionChannel.Batch)
        {
            diagnostics.Set("DecisionId", result.DecisionId);
            diagnostics.Set("OutcomeCategory", ScreeningJson.NameOf(result.Outcome.Category));
        }

        return ValueTask.FromResult(result);
    }
}
