using System.Diagnostics;
using System.Diagnostics.Metrics;
using Screening.Domain.Json;
using Screening.Domain.Outcome;

namespace Screening.Api.Observability;

/// <summary>
/// The service's own meter and activity source, both named <c>Screening</c>. Every tag is a value the service chose
/// from a closed set (an outcome category, a channel, a ruleset version, a rule id): nothing from a request.
/// </summary>
public sealed class ScreeningTelemetry
{
    public const string Name = "Screening";

    /// <summary>Evaluations take tens to hundreds of microseconds: the default buckets (milliseconds as seconds) would hold them all in the first.</summary>
    private static readonly double[] EvaluationBuckets = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];

    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _ruleFirings;
    private readonly Histogram<double> _evaluationDuration;
    private readonly Histogram<double> _writeDuration;

    public ScreeningTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _decisions = meter.CreateCounter<long>("screening.decisions", "{decision}", "Screening decisions made, by outcome category, channel and ruleset version.");
        _ruleFirings = meter.CreateCounter<long>("screening.rule.firings", "{firing}", "Rules that decided or flagged a screening (its reasons and flags), by rule id.");
        _evaluationDuration = meter.CreateHistogram("screening.evaluation.duration", "s", "Time to evaluate one questionnaire with the rule engine.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = EvaluationBuckets });
        _writeDuration = meter.CreateHistogram("screening.decision_log.write.duration", "s", "Time to commit decisions to the decision record (one write per request).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = EvaluationBuckets });
    }

    /// <summary>Records how long committing a request's decisions took.</summary>
    public void Written(TimeSpan duration) => _writeDuration.Record(duration.TotalSeconds);

    /// <summary>Records one decision: its category, the channel it came through (rest, batch, fhir, cds-hooks), the rules that fired, and how long the engine took.</summary>
    public void Decided(ScreeningResult result, string channel, TimeSpan evaluation)
    {
        _decisions.Add(1,
            new("category", ScreeningJson.NameOf(result.Outcome.Category)),
            new("channel", channel),
            new("ruleset.version", result.Ruleset.Version));
        foreach (var reason in result.Reasons)
        {
            _ruleFirings.Add(1, new KeyValuePair<string, object?>("rule.id", reason.RuleId));
        }

        foreach (var flag in result.Flags)
        {
            _ruleFirings.Add(1, new KeyValuePair<string, object?>("rule.id", flag.RuleId));
        }

        _evaluationDuration.Record(evaluation.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));
    }
}
