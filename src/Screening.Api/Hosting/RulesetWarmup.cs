using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Screening.Api.OpenApi;
using Screening.Api.Validation;
using Screening.Domain.Intake;
using Screening.Engine;

namespace Screening.Api.Hosting;

/// <summary>
/// Compiles the rules and runs every example through what a request uses (reading and validating the JSON, the
/// rules, writing the result with the HTTP serializer options) before the server takes traffic: the first evaluation
/// after compiling would otherwise pay the JIT and the serializer's metadata. Then it reports ready. On shutdown it reports not ready first and, for
/// <c>Screening:Shutdown:DrainSeconds</c>, keeps serving so load balancers stop sending before the server stops.
/// </summary>
public sealed partial class RulesetWarmup(
    ScreeningEngine engine, IntakeReader reader, IOptions<JsonOptions> http, Readiness readiness, IConfiguration configuration, ILogger<RulesetWarmup> logger)
    : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var example in RequestExamples.All)
        {
            var request = reader.Parse<ScreeningRequest>(Encoding.UTF8.GetBytes(example.Json)).Value!;
            JsonSerializer.SerializeToUtf8Bytes(engine.Evaluate(request), http.Value.SerializerOptions);
        }

        readiness.MarkWarmedUp();
        LogReady(logger, engine.Catalog.Version.Version, engine.Catalog.Version.Hash, engine.Catalog.Entries.Count);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.MarkStopping();
        var drain = TimeSpan.FromSeconds(configuration.GetValue("Screening:Shutdown:DrainSeconds", 0.0));
        LogStopping(logger, drain.TotalSeconds);
        if (drain > TimeSpan.Zero)
        {
            await Task.Delay(drain, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Ruleset {RulesetVersion} ({RulesetHash}) compiled with {RuleCount} rules and warmed up: ready")]
    private static partial void LogReady(ILogger logger, string rulesetVersion, string rulesetHash, int ruleCount);

    [LoggerMessage(LogLevel.Information, "Shutting down: readiness is now unhealthy; draining for {DrainSeconds} s before the server stops")]
    private static partial void LogStopping(ILogger logger, double drainSeconds);
}
