using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>
/// The built service started as a real process on Kestrel (127.0.0.1, Production, one API key): for what only a real
/// server shows, such as SIGTERM handling and response headers.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    /// <summary>Every line the service wrote to stdout and stderr (its log, in compact JSON).</summary>
    public IReadOnlyCollection<string> Output => _output.ToArray();

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    public int Id => _process.Id;

    public static async Task<ServiceProcess> StartAsync(IDictionary<string, string> settings)
    {
        var service = Launch(settings);
        var process = service._process;

        using var client = new HttpClient { BaseAddress = service.Address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await service.DisposeAsync();
        throw new InvalidOperationException("The service did not become ready.");
    }

    /// <summary>
    /// Starts the service and waits for it to exit by itself (as it does when a setting is invalid); returns its exit code
    /// and everything it wrote. Fails if it is still running after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyCollection<string> Output)> RunUntilExitAsync(IDictionary<string, string> settings, TimeSpan timeout)
    {
        await using var service = Launch(settings);
        Assert.True(await service.WaitForExitAsync(timeout), $"The service was still running after {timeout}.");
        service._process.WaitForExit();
        return (service.ExitCode, service.Output);
    }

    private static ServiceProcess Launch(IDictionary<string, string> settings)
    {
        var port = FreePort();
        var dll = Path.Combine(Screening.Tests.Repository.Root, "src", "Screening.Api", "bin", BuildConfiguration(), "net10.0", "Screening.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Screening__Auth__ApiKeys__" + ApiFactory.ClientId] = ApiFactory.Sha256Hex(ApiFactory.ApiKey);
        if (!settings.Keys.Any(k => k.StartsWith("Screening__DecisionLog__", StringComparison.Ordinal)))
        {
            // A decision record of its own, unless the test configures one.
            var data = Directory.CreateTempSubdirectory("screening-process-").FullName;
            start.Environment["Screening__DecisionLog__ConnectionString"] = $"Data Source={Path.Combine(data, "decisions.db")}";
            start.Environment["Screening__DecisionLog__EncryptionKeys__test"] = ApiFactory.DecisionLogKey;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => service.Record(line.Data);
        process.ErrorDataReceived += (_, line) => service.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Sends raw bytes on a new connection, as a client that does not speak HTTP properly would, and returns what the server answered.</summary>
    public async Task<string> SendRawAsync(byte[] request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, Address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(request);
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (OperationCanceledException)
        {
            return string.Empty;
        }
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping the container would.</summary>
    public void Terminate() => Assert.Equal(0, Kill(_process.Id, 15));

    public Task<bool> WaitForExitAsync(TimeSpan timeout) =>
        _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>A port no one listens on now, on the loopback address.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The test output sits in bin/<Configuration>/net10.0; the service was built with the same configuration.
    private static string BuildConfiguration() => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
