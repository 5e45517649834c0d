using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Screening.Api.Observability;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core's request histograms and the service's <c>Screening</c> meter) scraped at
/// <c>/metrics</c> in Prometheus text format; traces (ASP.NET Core requests and an activity per evaluation) exported over
/// OTLP when, and only when, the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary><c>Screening:Metrics:Enabled</c> (default true): serve <c>/metrics</c>. It holds no patient data, so it is anonymous.</summary>
    public static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Screening:Metrics:Enabled", true);

    /// <summary><c>Screening:Metrics:Port</c>: when set, <c>/metrics</c> answers only on that port (which must also be one the server listens on).</summary>
    public static int? MetricsPort(IConfiguration configuration) => configuration.GetValue<int?>("Screening:Metrics:Port");

    public static IServiceCollection AddScreeningObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ScreeningTelemetry>();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "screening-api", serviceVersion: typeof(ObservabilitySetup).Assembly.GetName().Version?.ToString()));

        if (MetricsEnabled(configuration))
        {
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(ScreeningTelemetry.Name)
                // The runtime's own meter: GC collections and heap, allocation, thread pool, working set (the soak
                // script reads GC counts from here).
                .AddMeter("System.Runtime")
                .AddPrometheusExporter());
        }

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    // Probes and scrapes are not worth a trace each.
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");
                })
                .AddSource(ScreeningTelemetry.Name)
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>Maps <c>/metrics</c> (anonymous; on the metrics port only, if one is set), unless metrics are turned off.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        if (MetricsEnabled(configuration))
        {
            var endpoint = routes.MapPrometheusScrapingEndpoint().AllowAnonymous();
            if (MetricsPort(configuration) is { } port)
            {
                endpoint.RequireHost($"*:{port}");
            }
        }

        return routes;
    }
}
