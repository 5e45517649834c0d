using System.Net;
using System.Net.Sockets;
using System.Text;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 1, on a real server: a flood refused from the beginning of its body still gets its whole answer (the rest of
/// the body is read and dropped, not answered with a reset that could lose the 400), and the connection stays usable.
/// </summary>
[Collection(SharedVerboseService.Name)]
public class Finding01FloodConnectionTests(VerboseService service)
{
    [Fact]
    public async Task A_refused_flood_gets_its_answer_and_the_connection_serves_the_next_request()
    {
        var flood = "{\"items\":[" + string.Join(',', Enumerable.Repeat("0", 524_000)) + "]}";
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, service.Process.Address.Port);
        var stream = socket.GetStream();

        await stream.WriteAsync(Request("/v1/screenings/batch", flood));
        var refused = await ReadResponseAsync(stream);
        await stream.WriteAsync(Request("/v1/screenings", Examples.Named("refer").Json));
        var next = await ReadResponseAsync(stream);

        Assert.StartsWith("HTTP/1.1 400", refused, StringComparison.Ordinal);
        Assert.Contains("\"items\":[\"must be an array of at most 100 items\"]", refused, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", next, StringComparison.Ordinal);
        Assert.Contains("\"category\":\"refer\"", next, StringComparison.Ordinal);
    }

    private static byte[] Request(string path, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = $"POST {path} HTTP/1.1\r\nHost: x\r\nX-API-Key: {ApiFactory.ApiKey}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>One response: read until its Content-Length is complete, or its terminating zero-length chunk.</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!IsComplete(received.ToString()))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, "the server closed the connection");
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    private static bool IsComplete(string response)
    {
        var headersEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headersEnd < 0)
        {
            return false;
        }

        var length = System.Text.RegularExpressions.Regex.Match(response[..headersEnd], @"(?im)^Content-Length:\s*(\d+)");
        return length.Success
            ? Encoding.UTF8.GetByteCount(response[(headersEnd + 4)..]) >= int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : response.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
    }
}
