using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>Collects log events as the service's sinks receive them, rendered in full (message, properties, exception).</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly CompactJsonFormatter _formatter = new();

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        writer.Write(logEvent.RenderMessage());
        _events.Enqueue(writer.ToString());
    }

    public IReadOnlyCollection<string> Events => _events.ToArray();

    public IEnumerable<string> Containing(string marker) => _events.Where(e => e.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
