using System.Reflection;
using Microsoft.OpenApi;
using Screening.Api.Security;

namespace Screening.Api.OpenApi;

/// <summary>The OpenAPI document (Swashbuckle) and Swagger UI: generated from the code, served in every environment.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";

    private const string Description = """
        Screens a patient's intake questionnaire for referral to ketamine or esketamine therapy and answers with a
        recommendation that explains itself: the outcome category, every rule that decided it with the input values it
        used and its published source, the candidate indications found, and the questions still to ask.

        **Who calls it:** intake systems (POST a questionnaire as JSON), developers exploring this page, and referral
        coordinators through EHR integrations.

        **Decision support, not a diagnosis.** The service supports a clinician's referral decision; it diagnoses nothing
        and decides nothing about dosing. Every rule must be reviewed by a licensed psychiatrist or pain physician before
        clinical use.

        Unanswered questions are *unknown*, never "no": a result is never "refer" while data that could change it is
        missing. Outcome categories, in order of precedence: `urgent-crisis-referral`, `not-eligible-contraindicated`,
        `insufficient-information`, `not-eligible-criteria-not-met`, `refer-with-specialist-review`, `refer`.

        The rule catalog (`GET /v1/rules`) lists every rule with its source and status tag, and the
        [clinical rules reference](/rules) shows the same catalog as a page (also in the repository as
        `docs/clinical-rules.md`); `GET /v1/ruleset` gives the ruleset version and content hash that every result also
        carries. Authenticate with the `X-API-Key` header
        (Authorize button).
        """;

    public static IServiceCollection AddScreeningOpenApi(this IServiceCollection services) => services
        .AddEndpointsApiExplorer()
        .AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Ketamine / Esketamine Referral Screening API",
                Version = "v1",
                Description = Description,
                License = new OpenApiLicense { Name = "Proprietary; clinical decision support for internal use", Identifier = "LicenseRef-Proprietary" },
            });
            // Relative: "Try it out" calls whichever host serves the document.
            options.AddServer(new OpenApiServer { Url = "/", Description = "This service" });
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(Domain.Intake.ScreeningRequest).Assembly, typeof(Engine.ScreeningEngine).Assembly, typeof(global::Screening.Fhir.FhirCanonicals).Assembly, typeof(DecisionLog.DecisionSummary).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml, includeControllerXmlComments: true);
                }
            }

            options.AddSecurityDefinition(ApiKeyOptions.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyOptions.HeaderName,
                Description = "The client's API key. The service stores only its SHA-256.",
            });
            options.AddSecurityDefinition(CdsHooks.CdsHooksAuthentication.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "CDS Hooks: a JWT signed by a trusted EHR (RS/PS/ES algorithms), aud the service endpoint URL, with exp and a unique jti.",
            });
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<IntakeSchemaFilter>();
            options.SchemaFilter<ContractSchemaFilter>();
            options.OperationFilter<SecurityOperationFilter>();
            options.OperationFilter<ScreeningExamplesFilter>();
            options.DocumentFilter<TagDescriptionsFilter>();
        });

    /// <summary><c>Screening:Swagger:Enabled</c> (default true): the document and Swagger UI are part of the product, but a site may turn both off.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Screening:Swagger:Enabled", true);

    public static IEndpointRouteBuilder MapScreeningOpenApiDocument(this IEndpointRouteBuilder routes)
    {
        if (IsEnabled(routes.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            routes.MapSwagger("/swagger/{documentName}/swagger.json", options => options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1).AllowAnonymous();
        }

        return routes;
    }

    /// <summary>
    /// Swagger UI at /swagger. Its middleware matches every request's path against two regular expressions, so it only
    /// sees requests under /swagger: other requests do not pay for it (1.5-1.6 % of the CPU of <c>GET /v1/ruleset</c> in a profile).
    /// </summary>
    public static IApplicationBuilder UseScreeningSwaggerUi(this IApplicationBuilder app) =>
        IsEnabled(app.ApplicationServices.GetRequiredService<IConfiguration>())
            ? app.UseWhen(context => context.Request.Path.StartsWithSegments(SwaggerUiPath), branch => branch.UseSwaggerUI(ui =>
            {
                ui.RoutePrefix = SwaggerUiPath.TrimStart('/');
                ui.SwaggerEndpoint(DocumentPath, "Screening API v1");
                ui.DocumentTitle = "Ketamine / Esketamine Referral Screening API";
                ui.DisplayOperationId();
            }))
            : app;

    private const string SwaggerUiPath = "/swagger";
}
