using Serilog;
using Serilog.Core;
using Serilog.Formatting.Compact;

namespace Screening.Api.Logging;

/// <summary>
/// Serilog, configured from appsettings (levels) with its sinks in code, every sink behind <see cref="PhiGuardSink"/>.
/// Sinks registered in DI (the tests' capture sink) are guarded the same way as the console.
/// </summary>
public static class LoggingSetup
{
    public static IServiceCollection AddScreeningLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Sink(new PhiGuardSink(GuardedSinks(provider))),
            preserveStaticLogger: true);

    private static Logger GuardedSinks(IServiceProvider provider)
    {
        // The console is written from a background queue: a synchronous, locked console write per request would
        // serialise the service under load. The queue blocks rather than drops when full, so no event is lost.
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose()
            .WriteTo.Async(queue => queue.Console(new RenderedCompactJsonFormatter()), bufferSize: 1000, blockWhenFull: true);
        foreach (var sink in provider.GetServices<ILogEventSink>())
        {
            sinks.WriteTo.Sink(sink);
        }

        return sinks.CreateLogger();
    }

    /// <summary>Request logging: method, route template, status, elapsed, client id, decision id and outcome; never a path with data, a query or a body.</summary>
    public static IApplicationBuilder UseScreeningRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging(options =>
    {
        // The application's guarded logger, not the static bootstrap one.
        options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        options.MessageTemplate = "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {Elapsed:0.0} ms";
        options.IncludeQueryInRequestPath = false;
        options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
        [
            new("RequestMethod", new Serilog.Events.ScalarValue(PhiGuardSink.LoggableMethod(context.Request.Method))),
            new("RouteTemplate", new Serilog.Events.ScalarValue((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)")),
            new("StatusCode", new Serilog.Events.ScalarValue(status)),
            new("Elapsed", new Serilog.Events.ScalarValue(elapsed)),
        ];
        options.EnrichDiagnosticContext = (diagnostics, context) =>
            diagnostics.Set("ClientId", context.User.Identity?.Name ?? "anonymous");
    });
}
