using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Screening.Api.OpenApi;

namespace Screening.Api.Hosting;

/// <summary>Liveness and readiness, for orchestrators and load balancers. Anonymous; they carry no patient data.</summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    /// <summary>A health answer.</summary>
    /// <param name="Status">healthy or unhealthy.</param>
    /// <param name="Detail">Why, in a few words.</param>
    public sealed record HealthStatus(string Status, string? Detail);

    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health").AllowAnonymous();

        group.MapGet("/live", Live)
            .WithName("GetLiveness")
            .WithSummary("Liveness: the process is up")
            .WithDescription("Always 200 while the process can serve HTTP. Restart the instance only when this fails. HEAD answers the same status without a body. Never rate-limited.");

        group.MapGet("/ready", Ready)
            .WithName("GetReadiness")
            .WithSummary("Readiness: the rules are compiled and warmed up")
            .WithDescription("200 once the ruleset is compiled and a warm-up evaluation has run; 503 while warming up and from the moment shutdown begins, so load balancers stop sending traffic before in-flight requests are drained. HEAD answers the same status without a body. Never rate-limited.")
            .Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable);

        // Probes often use HEAD: the same answers, described once above.
        group.MapMethods("/live", [HttpMethods.Head], Live).ExcludeFromDescription();
        group.MapMethods("/ready", [HttpMethods.Head], Ready).ExcludeFromDescription();

        return group;
    }

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("healthy", null));

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Ready(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var detail = string.Join("; ", report.Entries.Values.Select(e => e.Description).OfType<string>());
        return report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            ? TypedResults.Ok(new HealthStatus("healthy", detail))
            : TypedResults.Json(new HealthStatus("unhealthy", detail), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
