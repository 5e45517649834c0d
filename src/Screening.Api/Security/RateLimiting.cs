using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Screening.Api.Security;

/// <summary>Rate and concurrency limits, from <c>Screening:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Screening:RateLimit";

    /// <summary>Requests per minute per authenticated client (API client or CDS issuer), and per address for anonymous endpoints.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Requests per minute per address to protected endpoints without valid credentials: a wrong key costs from its own, smaller bucket.</summary>
    public int UnauthenticatedPermitsPerMinute { get; set; } = 60;

    /// <summary>Requests with a body handled at once, across all clients (a body is buffered whole, so this bounds the memory they hold).</summary>
    public int ConcurrentBodies { get; set; } = Environment.ProcessorCount * 4;

    /// <summary>
    /// Requests with a body handled at once for one client (API client, CDS issuer, or address): one client flooding the
    /// service waits in its own queue and cannot take every slot from the others.
    /// </summary>
    public int ConcurrentBodiesPerClient { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>Requests with a body that wait for a turn, per client and overall; past that, 503 with Retry-After.</summary>
    public int QueuedBodies { get; set; } = 200;

    public IEnumerable<string> Problems()
    {
        if (PermitsPerMinute < 1 || UnauthenticatedPermitsPerMinute < 1)
        {
            yield return $"{Section}:PermitsPerMinute and {Section}:UnauthenticatedPermitsPerMinute must be at least 1.";
        }

        if (ConcurrentBodies < 1 || ConcurrentBodiesPerClient < 1 || QueuedBodies < 0)
        {
            yield return $"{Section}:ConcurrentBodies and {Section}:ConcurrentBodiesPerClient must be at least 1 and {Section}:QueuedBodies at least 0.";
        }
    }
}

/// <summary>
/// ASP.NET Core's rate limiter, partitioned after authentication: each API client and each trusted CDS issuer has its
/// own fixed window of <c>PermitsPerMinute</c>; requests to protected endpoints without valid credentials share a
/// smaller window per address, so wrong keys never throttle a client or an EHR; anonymous endpoints have a window per
/// address; health probes are never limited. A batch costs one permit per item. Beside the rate, concurrency limits
/// bound the request bodies being read at once: per client (so one client's flood queues behind itself, not in front
/// of others), then overall (which bounds the memory bodies hold). 429 (rate) or 503 (busy) problem+json with
/// Retry-After beyond.
/// </summary>
public sealed class ScreeningRateLimiter : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<HttpContext> _requests;
    private readonly PartitionedRateLimiter<HttpContext> _clientBodies;
    private readonly PartitionedRateLimiter<HttpContext> _bodies;
    private readonly PartitionedRateLimiter<HttpContext> _bodyReads;

    public ScreeningRateLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _requests = PartitionedRateLimiter.Create<HttpContext, (string Kind, string Name)>(RequestPartition);
        _clientBodies = PartitionedRateLimiter.Create<HttpContext, (string Kind, string Name)>(context =>
            RateLimitPartition.GetConcurrencyLimiter(Client(context), _ => Concurrency(_options.ConcurrentBodiesPerClient)));
        _bodies = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetConcurrencyLimiter("bodies", _ => Concurrency(_options.ConcurrentBodies)));
        _bodyReads = PartitionedRateLimiter.CreateChained(_clientBodies, _bodies);
        Global = _requests;
    }

    /// <summary>
    /// A turn to read a request body: per client, then overall. Held while the body is read and checked (that is when it
    /// takes memory), not while the request waits for its decision to be committed.
    /// </summary>
    public ValueTask<RateLimitLease> AcquireBodyReadAsync(HttpContext context, CancellationToken cancellationToken) =>
        _bodyReads.AcquireAsync(context, 1, cancellationToken);

    private ConcurrencyLimiterOptions Concurrency(int permits) =>
        new() { PermitLimit = permits, QueueLimit = _options.QueuedBodies, QueueProcessingOrder = QueueProcessingOrder.OldestFirst };

    /// <summary>The limiter every request passes: the rate.</summary>
    public PartitionedRateLimiter<HttpContext> Global { get; }

    /// <summary>Request bodies being read now, and waiting for a turn (for metrics and tests).</summary>
    public (long InFlight, long Queued) Bodies
    {
        get
        {
            var statistics = _bodies.GetStatistics(BodyProbe);
            return statistics is null ? (0, 0) : (_options.ConcurrentBodies - statistics.CurrentAvailablePermits, statistics.CurrentQueuedCount);
        }
    }

    // A request that would read a body: it names the one concurrency partition.
    private static readonly DefaultHttpContext BodyProbe = new() { Request = { Method = HttpMethods.Post } };

    /// <summary>
    /// The permits a batch costs beyond the one its request already took: one per further item. Failed when the
    /// client's window does not hold them.
    /// </summary>
    public RateLimitLease AcquireFurtherItems(HttpContext context, int items)
    {
        var further = items - 1;
        return further <= 0 ? new Granted()
            : further > _options.PermitsPerMinute ? new Refused()
            : _requests.AttemptAcquire(context, further);
    }

    public void Dispose()
    {
        _bodyReads.Dispose();
        _requests.Dispose();
        _clientBodies.Dispose();
        _bodies.Dispose();
    }

    private RateLimitPartition<(string Kind, string Name)> RequestPartition(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            return RateLimitPartition.GetNoLimiter(("health", string.Empty));
        }

        var client = Client(context);
        return Window(client, client.Kind == Unauthenticated ? _options.UnauthenticatedPermitsPerMinute : _options.PermitsPerMinute);
    }

    private const string Unauthenticated = "unauthenticated";

    /// <summary>Who a request counts against: its authenticated principal, else its address (anonymous endpoints and failed credentials apart).</summary>
    private static (string Kind, string Name) Client(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, Name: { } principal, AuthenticationType: var scheme })
        {
            return (scheme ?? "client", principal);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var anonymousEndpoint = context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        return (anonymousEndpoint ? "anonymous endpoint" : Unauthenticated, address);
    }

    private static RateLimitPartition<(string, string)> Window((string, string) key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private sealed class Granted : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Refused : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = TimeSpan.FromMinutes(1);
            return metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

public static class RateLimiting
{
    public static IServiceCollection AddScreeningRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => !o.Problems().Any(), "Screening:RateLimit is not valid: PermitsPerMinute, UnauthenticatedPermitsPerMinute, ConcurrentBodies and ConcurrentBodiesPerClient must be at least 1, QueuedBodies at least 0.")
            .ValidateOnStart();
        services.AddSingleton<ScreeningRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ScreeningRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Global;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// Authenticates a CDS Hooks call before the rate limiter, so the call counts against its issuer's window rather than
    /// its address. The handler keeps its result for the request, so authorization does not validate the token twice.
    /// </summary>
    public static IApplicationBuilder UseCdsHooksClientIdentity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(CdsHooks.CdsHooksApi.DiscoveryPath)
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && await context.AuthenticateAsync(CdsHooks.CdsHooksAuthentication.Scheme) is { Succeeded: true, Principal: { } principal })
        {
            context.User = principal;
        }

        await next(context);
    });

    /// <summary>429 past a rate (with its Retry-After); 503 when the service is busy reading other bodies (retry in a second).</summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var rate = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
        var seconds = rate ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        await WriteRejectionAsync(context, rate, seconds);
    }

    public static Task WriteRejectionAsync(HttpContext context, bool rate, int seconds)
    {
        context.Response.StatusCode = rate ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                // A 429 takes the status code's own title, as every problem the framework writes does.
                Title = rate ? null : "The service is busy",
                Detail = rate
                    ? $"The rate limit for this client is reached. Retry after {seconds} seconds."
                    : $"Too many requests are being read at once. Retry after {seconds} seconds.",
            },
        }).AsTask();
    }
}
