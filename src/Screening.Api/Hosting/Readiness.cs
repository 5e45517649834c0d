using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Screening.Api.Hosting;

/// <summary>
/// Whether the service should receive traffic: only once the rules are compiled and warmed up, and no longer once
/// shutdown has begun.
/// </summary>
public sealed class Readiness : IHealthCheck
{
    private volatile bool _warmedUp;
    private volatile bool _stopping;

    public bool IsReady => _warmedUp && !_stopping;

    public void MarkWarmedUp() => _warmedUp = true;

    public void MarkStopping() => _stopping = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("shutting down")
            : _warmedUp ? HealthCheckResult.Healthy("rules compiled and warmed up")
            : HealthCheckResult.Unhealthy("warming up"));
}
