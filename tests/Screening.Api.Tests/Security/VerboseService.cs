using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>
/// The built service as a real process on Kestrel, every log category at Verbose: for what only a real server shows
/// (raw request lines it refuses, malformed chunked bodies), with its log captured.
/// </summary>
public sealed class VerboseService : IAsyncLifetime
{
    public ServiceProcess Process { get; private set; } = null!;

    public async Task InitializeAsync() => Process = await ServiceProcess.StartAsync(new Dictionary<string, string>
    {
        ["Serilog__MinimumLevel__Default"] = "Verbose",
        ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Verbose",
        ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Verbose",
    });

    public async Task DisposeAsync() => await Process.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedVerboseService : ICollectionFixture<VerboseService>
{
    public const string Name = "verbose service process";
}
