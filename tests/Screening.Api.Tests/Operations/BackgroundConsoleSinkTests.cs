using Screening.Api.Logging;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace Screening.Api.Tests.Operations;

/// <summary>The console queue: every event written, in order, none lost when the queue fills, all drained on dispose.</summary>
public class BackgroundConsoleSinkTests
{
    [Fact]
    public void Every_event_is_written_in_order_even_past_the_queue_capacity()
    {
        using var output = new MemoryStream();
        var sink = new BackgroundConsoleSink(new RenderedCompactJsonFormatter(), new NonClosingStream(output));
        var template = new MessageTemplateParser().Parse("event {Number}");
        const int Count = 25_000;
        Parallel.For(0, 4, worker =>
        {
            for (var i = worker; i < Count; i += 4)
            {
                sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template, [new LogEventProperty("Number", new ScalarValue(i))]));
            }
        });
        sink.Dispose();

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Count, lines.Length);
        var numbers = lines.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("Number").GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(0, Count), numbers.Order());
        // Each producer's own events keep their order.
        Assert.All(Enumerable.Range(0, 4), worker => Assert.Equal(numbers.Where(n => n % 4 == worker).Order(), numbers.Where(n => n % 4 == worker)));
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
