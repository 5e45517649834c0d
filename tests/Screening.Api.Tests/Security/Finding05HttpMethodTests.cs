using System.Text;

namespace Screening.Api.Tests.Security;

/// <summary>
/// Finding 5 (low): <c>curl -X &lt;7,000 characters&gt;</c> was logged at default levels. Known methods are logged as
/// they are; any other method is logged as OTHER.
/// </summary>
[Collection(SharedVerboseService.Name)]
public class Finding05HttpMethodTests(VerboseService service)
{
    [Fact]
    public async Task An_attacker_chosen_method_is_logged_as_OTHER()
    {
        var marker = "CANARY" + Guid.NewGuid().ToString("N")[..12];
        var method = marker + new string('X', 7000 - marker.Length);
        var before = service.Process.Output.Count;

        var answer = await service.Process.SendRawAsync(Encoding.ASCII.GetBytes($"{method} /v1/rules HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        await Task.Delay(300);

        Assert.StartsWith("HTTP/1.1 4", answer, StringComparison.Ordinal);
        var logged = service.Process.Output.Skip(before).ToArray();
        Assert.DoesNotContain(logged, line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logged, line => line.Contains("\"OTHER\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_known_method_is_logged_as_it_is()
    {
        var before = service.Process.Output.Count;

        await service.Process.SendRawAsync(Encoding.ASCII.GetBytes("DELETE /v1/rules HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        await Task.Delay(300);

        Assert.Contains(service.Process.Output.Skip(before), line => line.Contains("\"DELETE\"", StringComparison.Ordinal));
    }
}
