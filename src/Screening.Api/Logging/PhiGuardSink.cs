using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Screening.Api.Logging;

/// <summary>
/// The last line of defence before any sink, whatever a library logs and at whatever level. It works by allowlist: a
/// property passes only when its value cannot carry request text (a number, a boolean, a time, an id) or its name is
/// one this service and the framework fill from code or configuration. Any other text, whatever its name (a raw request
/// line Kestrel rejected, a header, a path, a query, a host), is replaced by "[redacted]". Methods, protocols and schemes
/// pass only as known values. An exception's message, which can quote input, is replaced by its type; stack traces are
/// kept (they name code, not data). Properties are redacted in place; only an event with an exception is copied.
/// </summary>
public sealed partial class PhiGuardSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public const string Redacted = "[redacted]";

    /// <summary>Text properties set from code or configuration, never from a request.</summary>
    private static readonly HashSet<string> SafeText = new(StringComparer.Ordinal)
    {
        // This service's own events.
        "ClientId", "DecisionId", "OutcomeCategory", "RouteTemplate", "RulesetVersion", "RulesetHash", "FeedbackOutcome",
        "OverrideReason", "TrustedIssuer", "ErrorType", "Setting", "Channel",
        // ASP.NET Core and Kestrel: identifiers, route and endpoint names, scheme and policy names, health checks.
        "SourceContext", "RequestId", "ConnectionId", "TraceIdentifier", "TraceId", "SpanId", "ParentId", "EndpointName",
        "Endpoint", "RoutePattern", "AuthenticationScheme", "policyName", "PolicyName", "HealthCheckName",
        "HealthCheckDescription", "HealthStatus", "EnvName", "ContentRoot", "address", "assemblyName", "Type", "RequestSize",
        "KeyId", "FullName", "FullPath", "FromType", "ToType", "ExpirationDate",
    };

    /// <summary>Structured properties filled from code: an event id and name; a 400's failing field paths (built from the model's names, see IntakeReader.LoggableFields).</summary>
    private static readonly HashSet<string> SafeStructures = new(StringComparer.Ordinal) { "EventId", "InvalidFields" };

    private static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT" };
    private static readonly HashSet<string> KnownProtocols = new(StringComparer.Ordinal) { "HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3" };
    private static readonly HashSet<string> KnownSchemes = new(StringComparer.Ordinal) { "http", "https" };

    public void Emit(LogEvent logEvent)
    {
        List<LogEventProperty>? replacements = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Replacement(name, value) is { } replacement)
            {
                (replacements ??= []).Add(new LogEventProperty(name, replacement));
            }
        }

        foreach (var property in replacements ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }

        inner.Emit(logEvent.Exception is null ? logEvent : WithoutExceptionMessage(logEvent));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    /// <summary>An HTTP method as it may be logged: a known method as it is, anything else (a 7,000-character token) as OTHER.</summary>
    public static string LoggableMethod(string method) => KnownMethods.Contains(method) ? method : "OTHER";

    /// <summary>The value to log instead, or null when the value may pass as it is.</summary>
    private static ScalarValue? Replacement(string name, LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: null or bool or int or long or short or byte or uint or ulong or double or float or decimal or Guid or DateTime or DateTimeOffset or TimeSpan or Enum } => null,
        ScalarValue { Value: string text } => Text(name, text),
        StructureValue or SequenceValue or DictionaryValue when SafeStructures.Contains(name) => null,
        _ => new ScalarValue(Redacted),
    };

    private static ScalarValue? Text(string name, string text) => name switch
    {
        _ when SafeText.Contains(name) => null,
        "Method" or "RequestMethod" => KnownMethods.Contains(text) ? null : new ScalarValue("OTHER"),
        "Protocol" => KnownProtocols.Contains(text) ? null : new ScalarValue(Redacted),
        "Scheme" => KnownSchemes.Contains(text) ? null : new ScalarValue(Redacted),
        // An authentication failure: the IdentityModel error code tells the class of failure; its text can quote the token.
        "FailureMessage" => new ScalarValue(FailureCode().Match(text) is { Success: true } code ? $"{code.Value} (details redacted)" : Redacted),
        _ => new ScalarValue(Redacted),
    };

    [GeneratedRegex(@"^IDX\d{5}")]
    private static partial Regex FailureCode();

    private static LogEvent WithoutExceptionMessage(LogEvent logEvent) => new(
        logEvent.Timestamp,
        logEvent.Level,
        new RedactedException(logEvent.Exception!),
        logEvent.MessageTemplate,
        logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
        logEvent.TraceId ?? default,
        logEvent.SpanId ?? default);
}

/// <summary>An exception reduced to its type and stack trace; its message and data, which can carry input, are dropped.</summary>
public sealed class RedactedException(Exception original)
    : Exception($"{original.GetType().FullName} (message redacted)", original.InnerException is null ? null : new RedactedException(original.InnerException))
{
    public override string? StackTrace { get; } = original.StackTrace;

    public override string ToString() =>
        Message + (InnerException is null ? string.Empty : $" ---> {InnerException}") + Environment.NewLine + StackTrace;
}
