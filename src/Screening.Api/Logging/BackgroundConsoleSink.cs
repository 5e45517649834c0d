using System.Text;
using System.Threading.Channels;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Screening.Api.Logging;

/// <summary>
/// The console, written off the request path: an event is queued (no lock, no formatting, no system call on the
/// request's thread); one background loop formats whatever is queued into a buffered stdout writer and flushes once per
/// batch, so under load a write system call carries many lines. The queue is bounded and waits rather than drops
/// when full, so no event is lost; on shutdown it is drained. (Serilog.Sinks.Async's queue spins its consumer thread
/// on a BlockingCollection: a measurable share of the CPU under load on two cores.)
/// </summary>
public sealed class BackgroundConsoleSink : ILogEventSink, IDisposable
{
    private const int Capacity = 10_000;
    private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ITextFormatter _formatter;
    private readonly TextWriter _output;
    private readonly Task _writer;

    public BackgroundConsoleSink(ITextFormatter formatter, Stream? output = null)
    {
        _formatter = formatter;
        _output = new StreamWriter(output ?? Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        _writer = Task.Run(WriteLoopAsync);
    }

    public void Emit(LogEvent logEvent)
    {
        if (!_queue.Writer.TryWrite(logEvent))
        {
            // Full (or shutting down): wait for room rather than lose the event. Rare: the queue holds 10,000 events.
            try
            {
                _queue.Writer.WriteAsync(logEvent).AsTask().GetAwaiter().GetResult();
            }
            catch (ChannelClosedException)
            {
                // Shutting down: events after the drain began are not written.
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (_queue.Reader.TryRead(out var logEvent))
            {
                try
                {
                    _formatter.Format(logEvent, _output);
                }
                catch (Exception exception) when (exception is FormatException or InvalidOperationException)
                {
                    // An event that cannot be formatted is skipped; the ones after it are still written.
                }
            }

            await _output.FlushAsync();
        }

        await _output.FlushAsync();
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(5));
        _output.Dispose();
    }
}
