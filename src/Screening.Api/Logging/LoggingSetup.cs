using Microsoft.Extensions.Options;
using Screening.Api.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Templates;
using Serilog.Templates.Themes;

namespace Screening.Api.Logging;

/// <summary>
/// Serilog, configured from appsettings (levels) with its sinks in code, every sink behind <see cref="PhiGuardSink"/>.
/// Sinks registered in DI (the tests' capture sink) are guarded the same way as the console. The console is compact
/// JSON, for log collectors; in Development it is text for people: time, level, message, and the decision id or the
/// invalid fields when there are any.
/// </summary>
public static class LoggingSetup
{
    /// <summary>The Development console line.</summary>
    public const string ReadableTemplate =
        "{@t:HH:mm:ss.fff} {@l:u3} {@m}{#if DecisionId is not null} (decision {DecisionId}){#end}" +
        "{#if InvalidFields is not null} (invalid: {InvalidFields}){#end}\n{@x}";

    public static IServiceCollection AddScreeningLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            // A start-up configuration problem is reported once, in one line, by Program; the host's own report of it
            // (with a stack trace) would bury that line.
            .Filter.ByExcluding(e => e.Exception is not null && InvalidSettingException.IsConfigurationProblem(e.Exception) && e.MessageTemplate.Text == "Hosting failed to start")
            .WriteTo.Sink(new PhiGuardSink(GuardedSinks(provider))),
            preserveStaticLogger: true);

    private static Logger GuardedSinks(IServiceProvider provider)
    {
        ITextFormatter console = provider.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? new ExpressionTemplate(ReadableTemplate, theme: TemplateTheme.Code)
            : new RenderedCompactJsonFormatter();

        // The console is written from a background queue (BackgroundConsoleSink): a synchronous, locked console write
        // per request would serialise the service under load. The queue waits rather than drops when full.
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose()
            .WriteTo.Sink(new BackgroundConsoleSink(console));
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
