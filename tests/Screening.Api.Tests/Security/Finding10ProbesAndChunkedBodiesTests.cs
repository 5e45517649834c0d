using System.Net;
using System.Text;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 10 (info): HEAD on the health probes must answer like GET (probes use HEAD), and a malformed chunked body
/// must be a 400 without an Error-level "unhandled exception" log.
/// </summary>
[Collection(SharedVerboseService.Name)]
public class Finding10ProbesAndChunkedBodiesTests(VerboseService service)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HEAD_on_a_probe_answers_like_GET(string path)
    {
        using var client = new HttpClient { BaseAddress = service.Process.Address };

        var get = await client.GetAsync(path);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    public static TheoryData<string> MalformedChunks() =>
    [
        "ZZZ\r\n{}\r\n0\r\n\r\n",
        "5\r\n{\"a\":1}\r\n0\r\n\r\n",
        "2\r\n{}XX0\r\n\r\n",
        "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
    ];

    [Theory]
    [MemberData(nameof(MalformedChunks))]
    public async Task A_malformed_chunked_body_is_a_400_without_an_error_log(string chunks)
    {
        var before = service.Process.Output.Count;
        var request = "POST /v1/screenings HTTP/1.1\r\nHost: x\r\n"
            + $"X-API-Key: {ApiFactory.ApiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + chunks;

        var answer = await service.Process.SendRawAsync(Encoding.ASCII.GetBytes(request));
        await Task.Delay(300);

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        var logged = service.Process.Output.Skip(before).ToArray();
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(logged, line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal));
    }
}
