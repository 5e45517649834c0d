using Microsoft.AspNetCore.Authorization;
using Screening.Api.CdsHooks;
using Screening.Api.DecisionRecord;
using Screening.Api.Fhir;
using Screening.Api.Hosting;
using Screening.Api.Logging;
using Screening.Api.Observability;
using Screening.Api.OpenApi;
using Screening.Api.Pages;
using Screening.Api.RuleCatalog;
using Screening.Api.Screenings;
using Screening.Api.Security;
using Screening.Api.Validation;
using Screening.Domain.Json;
using Screening.Engine;
using Serilog;

// Two-stage Serilog start-up: log start-up failures before configuration is read.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    // Compiling the rules is the slowest part of start-up and needs no configuration: begin it on another core now.
    var compiledRules = CompiledRuleset.CompileAsync();
    var builder = WebApplication.CreateBuilder(args);

    // Kestrel: no Server header; tight header and request-line limits; 64 KiB bodies unless an endpoint allows more.
    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = ScreeningsApi.MaxScreeningBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        kestrel.Limits.MaxRequestHeaderCount = 50;
        kestrel.Limits.MaxRequestLineSize = 8 * 1024;

        // Read at most 64 KiB of a body ahead of the endpoint (default 1 MiB): a flood refused from its beginning is then
        // never read off the socket, and 32 bodies waiting for their turn hold 2 MiB, not 32.
        kestrel.Limits.MaxRequestBufferSize = IntakeReader.FirstProbeBytes;
    });

    // The pages' style sheet and script (wwwroot) from the build output too, not only from a publish: a service started
    // from bin/ in any environment finds them through the build's static web assets manifest.
    builder.WebHost.UseStaticWebAssets();

    // Logs: levels from appsettings, every sink behind the PHI guard.
    builder.Services.AddScreeningLogging(builder.Configuration);

    // The rule engine: policy bound and validated from Screening:Policy, rules compiled once.
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton(services => PolicyConfiguration.Bind(services.GetRequiredService<IConfiguration>()));
    builder.Services.AddSingleton(_ => compiledRules.GetAwaiter().GetResult());
    builder.Services.AddSingleton(services => new ScreeningEngine(
        services.GetRequiredService<Screening.Domain.Policy.ScreeningPolicy>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<CompiledRuleset>()));

    // Request bodies: one strict JSON contract, checked against the model's shape as they are read, then validated
    // across fields with FluentValidation.
    builder.Services.ConfigureHttpJsonOptions(json => ScreeningJson.Configure(json.SerializerOptions));
    // The same contract for MVC's options, which the pages bring in and which the OpenAPI generator then prefers.
    builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => ScreeningJson.Configure(json.JsonSerializerOptions));
    builder.Services.AddRequestValidation();

    // Errors are RFC 9457 problem details, with no internals; on the FHIR endpoints, OperationOutcome resources.
    builder.Services.AddSingleton<IProblemDetailsWriter, OperationOutcomeWriter>();
    builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
    {
        if (context.Exception is DecisionLogUnavailableException)
        {
            // The decision was not kept, so it was not given: a retry is safe.
            context.HttpContext.Response.Headers.RetryAfter = "5";
            context.ProblemDetails.Title = "The decision record is unavailable";
            context.ProblemDetails.Detail = "The decision could not be kept, so none was given. Retry after 5 seconds.";
        }
    });

    // Every channel decides through one service: evaluation, metrics and traces, and the decision record, which keeps
    // every decision (encrypted) before its response is sent, for lookup, replay and policy impact.
    builder.Services.AddSingleton<ScreeningDecisions>();
    builder.Services.AddDecisionLog(builder.Configuration, builder.Environment);
    builder.Services.AddSingleton<DecisionAccess>();
    builder.Services.AddSingleton<PolicyImpactWorker>();
    builder.Services.AddScreeningObservability(builder.Configuration);

    // EHR integration: the FHIR Questionnaire, QuestionnaireResponse evaluation, and the CDS Hooks service (EHRs sign with JWTs).
    FhirCanonicalBase.AddFhir(builder.Services);
    builder.Services.AddCdsHooks();

    // Intake systems authenticate with X-API-Key; every endpoint needs it unless marked anonymous.
    builder.Services.AddApiKeyAuthentication();
    builder.Services.AddAuthorizationBuilder()
        .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyOptions.Scheme).RequireAuthenticatedUser().Build());

    // Pages for referral coordinators (sign-in with an API key or single sign-on, an authentication cookie).
    builder.Services.AddCoordinatorPages(builder.Configuration, builder.Environment);

    // Rate limits per authenticated client (a smaller bucket per address for failed authentication), a bound on the
    // bodies read at once, and, behind configured proxies only, the client address from X-Forwarded-For.
    builder.Services.AddScreeningRateLimiting();
    builder.Services.AddForwardedClients(builder.Configuration);

    // Ready only after compile and warm-up; not ready from the moment shutdown starts.
    builder.Services.AddSingleton<Readiness>();
    builder.Services.AddHealthChecks().AddCheck<Readiness>("ruleset", tags: [HealthApi.ReadyTag]);
    builder.Services.AddHostedService<RulesetWarmup>();
    builder.Services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
        host.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Screening:Shutdown:TimeoutSeconds", 30)));

    // The OpenAPI document and Swagger UI are part of the product, served in every environment.
    builder.Services.AddScreeningOpenApi();

    var app = builder.Build();

    app.UseForwardedClients();
    app.UseScreeningRequestLogging();
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        StatusCodeSelector = exception => exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            DecisionLogUnavailableException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
    });
    app.UseStatusCodePages();
    app.UseSecurityHeaders();
    app.UseStaticFiles();
    app.UseRouting();
    app.UseAuthentication();
    app.UseCdsHooksClientIdentity();
    app.UseRateLimiter();
    app.UseScreeningSwaggerUi();
    app.UseAuthorization();

    app.MapScreeningOpenApiDocument();
    app.MapHealth();
    app.MapMetrics(builder.Configuration);
    app.MapScreenings();
    app.MapDecisionRecord();
    app.MapRuleCatalog();
    app.MapFhir();
    app.MapCdsHooks();
    app.MapCoordinatorPages();

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (InvalidSettingException.Problem(exception) is { } problem)
{
    // A setting stops start-up: one line naming it (its message is configuration, never request data). The stack
    // trace only when asked for, with Serilog:MinimumLevel:Default at Debug or Verbose.
    if (IsDetailedLogging(args))
    {
        Log.Fatal(exception, "The service could not start: {Problem:l}", problem.Message);
    }
    else
    {
        Log.Fatal("The service could not start: {Problem:l}", problem.Message);
    }

    return 1;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    Log.Fatal(exception, "The service could not start");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so the tests can host the application.</summary>
public partial class Program
{
    /// <summary>Whether the configured default log level asks for details (read again here: the host may not have been built).</summary>
    private static bool IsDetailedLogging(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        return configuration["Serilog:MinimumLevel:Default"] is "Debug" or "Verbose";
    }
}
