using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Screening.Api.Hosting;
using Screening.DecisionLog;

namespace Screening.Api.DecisionRecord;

/// <summary>
/// Wires the decision record: settings from <c>Screening:DecisionLog</c> (checked at start-up, each problem naming its
/// setting), the store of the chosen provider with its migrations applied before the service is ready, the encryption
/// keys, readiness, the daily retention purge, and the Data Protection key ring kept in the same database.
/// </summary>
public static class DecisionLogSetup
{
    /// <summary>Where a Development key is kept when none is configured (under the content root).</summary>
    public const string DevelopmentKeyFile = "data/decision-log.key";

    public static IServiceCollection AddDecisionLog(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new DecisionLogOptions();
        configuration.GetSection(DecisionLogOptions.Section).Bind(options);
        var problems = options.Problems(keysRequired: !environment.IsDevelopment()).ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidSettingException(string.Join(" ", problems));
        }

        services.AddSingleton(options);
        services.AddSingleton(provider => new DecisionRecorder(
            CreateStore(options, environment),
            options.Provider == DecisionLogProvider.None ? null : CreateProtector(options, environment, provider.GetRequiredService<ILogger<DecisionRecorder>>()),
            provider.GetRequiredService<TimeProvider>(),
            options));
        services.AddHostedService<DecisionLogMigration>();
        if (options.Provider != DecisionLogProvider.None)
        {
            // After the migration: Data Protection's own hosted service reads the key ring at start, from the table the
            // migration creates (hosted services start in the order they are added).
            services.AddDataProtectionKeyRing();
        }

        services.AddHostedService<DecisionLogRetention>();
        services.AddHealthChecks().AddCheck<DecisionLogHealth>("decision-log", tags: [HealthApi.ReadyTag]);
        return services;
    }

    private static IDecisionStore? CreateStore(DecisionLogOptions options, IHostEnvironment environment) => options.Provider switch
    {
        DecisionLogProvider.Sqlite => new SqliteDecisionStore(options.ConnectionString ?? $"Data Source={Path.Combine(environment.ContentRootPath, "data", "decisions.db")}"),
        DecisionLogProvider.Postgres => new PostgresDecisionStore(options.ConnectionString!),
        _ => null,
    };

    private static PayloadProtector CreateProtector(DecisionLogOptions options, IHostEnvironment environment, ILogger logger)
    {
        if (options.EncryptionKeys.Count > 0)
        {
            return new PayloadProtector(options.EncryptionKeys, options.ActiveKeyId ?? options.EncryptionKeys.Keys.Single());
        }

        // Development only (start-up refuses this elsewhere): a key of its own, kept so that earlier rows still decrypt.
        var file = Path.Combine(environment.ContentRootPath, DevelopmentKeyFile);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, PayloadProtector.NewKey());
        }

        DevelopmentKeyInUse(logger, DevelopmentKeyFile, null);
        return new PayloadProtector(new Dictionary<string, string> { ["development"] = File.ReadAllText(file).Trim() }, "development");
    }

    private static readonly Action<ILogger, string, Exception?> DevelopmentKeyInUse = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(1, nameof(DevelopmentKeyInUse)),
        "No Screening:DecisionLog:EncryptionKeys configured: the decision record is encrypted with a generated Development key in {Setting}. Configure a key outside Development.");
}

/// <summary>Applies the store's migrations at start-up, before the server takes requests.</summary>
internal sealed partial class DecisionLogMigration(DecisionRecorder record, ILogger<DecisionLogMigration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (record.Enabled)
        {
            return record.Store.MigrateAsync(cancellationToken);
        }

        DecisionRecordOff(logger, "Screening:DecisionLog:Provider");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The decision record is off ({Setting} is none): decisions are not kept, cannot be looked up or replayed, and Idempotency-Key is ignored")]
    private static partial void DecisionRecordOff(ILogger logger, string setting);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Purges what retention says is due: at start, then every day.</summary>
internal sealed partial class DecisionLogRetention(DecisionRecorder record, TimeProvider time, ILogger<DecisionLogRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!record.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await record.PurgeAsync(stoppingToken);
                Purged(logger, purged.InputsPurged, purged.DecisionsDeleted);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
            {
                PurgeFailed(logger, exception);
            }

            await Task.Delay(Interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision record retention: {InputsPurged} inputs purged, {DecisionsDeleted} decisions deleted")]
    private static partial void Purged(ILogger logger, int inputsPurged, int decisionsDeleted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision record retention failed; it runs again tomorrow")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}

/// <summary>Ready only while the store answers.</summary>
internal sealed class DecisionLogHealth(DecisionRecorder record) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        !record.Enabled ? HealthCheckResult.Healthy("off")
        : await record.Store.PingAsync(cancellationToken) ? HealthCheckResult.Healthy()
        : HealthCheckResult.Unhealthy("The decision record does not answer.");
}
