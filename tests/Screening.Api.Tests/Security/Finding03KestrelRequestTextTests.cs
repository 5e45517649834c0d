using System.Text;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 3 (medium): request lines, headers, Host, Content-Length, HTTP versions and UTF-8 paths that Kestrel refuses
/// were logged verbatim at Debug (the property "message" of Kestrel.BadRequests). The PHI guard now lets through only
/// properties it knows to be free of request text; everything else is redacted, whatever its name.
/// </summary>
[Collection(SharedVerboseService.Name)]
public class Finding03KestrelRequestTextTests(VerboseService service)
{
    public static TheoryData<string, string> RefusedRequests() => new()
    {
        { "request line with a query", "GET /v1/rules?name={0}&dob=1980 05 14 HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "malformed header", "GET /v1/rules HTTP/1.1\r\nHost: x\r\nBad {0} Header\r\n\r\n" },
        { "malformed Host", "GET /v1/rules HTTP/1.1\r\nHost: {0} host\r\n\r\n" },
        { "malformed Content-Length", "POST /v1/screenings HTTP/1.1\r\nHost: x\r\nContent-Length: {0}\r\n\r\n" },
        { "unknown HTTP version", "GET /v1/rules HTTP/9.{0}\r\n\r\n" },
        { "UTF-8 path", "GET /v1/caf\u00e9{0} HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "control character in the target", "GET /v1/\u0001{0} HTTP/1.1\r\nHost: x\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task Request_text_kestrel_refuses_is_not_logged(string what, string template)
    {
        var marker = "CANARY" + Guid.NewGuid().ToString("N")[..12];
        var before = service.Process.Output.Count;

        var answer = await service.Process.SendRawAsync(Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, marker)));
        await Task.Delay(300);

        Assert.StartsWith("HTTP/1.1 4", answer, StringComparison.Ordinal);
        var logged = service.Process.Output.Skip(before).ToArray();
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(logged, line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
        Assert.True(what.Length > 0);
    }

    [Fact]
    public async Task The_bad_request_event_is_still_logged_with_its_text_redacted()
    {
        var before = service.Process.Output.Count;

        await service.Process.SendRawAsync(Encoding.UTF8.GetBytes("GET /v1/rules HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"));
        await Task.Delay(300);

        Assert.Contains(service.Process.Output.Skip(before), line => line.Contains("bad request data", StringComparison.Ordinal) && line.Contains("[redacted]", StringComparison.Ordinal));
    }
}
