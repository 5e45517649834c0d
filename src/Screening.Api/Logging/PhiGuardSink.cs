using Serilog.Core;
using Serilog.Events;

namespace Screening.Api.Logging;

/// <summary>
/// The last line of defence before any sink: whatever a library logs, at whatever level, an exception's message (which
/// can quote input) is replaced by its type, and a query string and the raw request path (whose segments can carry
/// identifiers; the route template is logged instead) are redacted. Stack traces are kept: they name code, not data.
/// </summary>
public sealed class PhiGuardSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    private static readonly string[] RedactedProperties = ["QueryString", "Query", "RequestPath", "Path"];

    public void Emit(LogEvent logEvent)
    {
        var needsRedaction = logEvent.Exception is not null || RedactedProperties.Any(logEvent.Properties.ContainsKey);
        inner.Emit(needsRedaction ? Redact(logEvent) : logEvent);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static LogEvent Redact(LogEvent logEvent)
    {
        var properties = logEvent.Properties
            .Select(p => RedactedProperties.Contains(p.Key) ? new LogEventProperty(p.Key, new ScalarValue("[redacted]")) : new LogEventProperty(p.Key, p.Value));
        return new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            logEvent.Exception is null ? null : new RedactedException(logEvent.Exception),
            logEvent.MessageTemplate,
            properties,
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default);
    }
}

/// <summary>An exception reduced to its type and stack trace; its message and data, which can carry input, are dropped.</summary>
public sealed class RedactedException(Exception original)
    : Exception($"{original.GetType().FullName} (message redacted)", original.InnerException is null ? null : new RedactedException(original.InnerException))
{
    public override string? StackTrace { get; } = original.StackTrace;

    public override string ToString() =>
        Message + (InnerException is null ? string.Empty : $" ---> {InnerException}") + Environment.NewLine + StackTrace;
}
