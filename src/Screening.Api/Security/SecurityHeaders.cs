namespace Screening.Api.Security;

/// <summary>
/// Headers on every response: no MIME sniffing; no framing; nothing cached, because responses carry screening results (protected
/// health information); and a Content-Security-Policy that lets nothing load and nothing frame the response. The Swagger
/// UI is the exception on both counts: its static assets may be cached, and its policy allows its own scripts and
/// styles (no inline scripts) and still forbids framing; the coordinator pages (HTML) allow this service's own style sheet
/// and script only.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of API responses: JSON, never rendered as a page.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The Swagger UI's policy: its own scripts only (the bundle uses inline styles), calls to this service, no framing.</summary>
    public const string SwaggerUiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var pagesPolicy = Pages.PagesSetup.ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // frame-ancestors says the same to current browsers; X-Frame-Options to older ones.
                headers.XFrameOptions = "DENY";
                if (context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = SwaggerUiPolicy;
                }
                else
                {
                    headers.CacheControl = "no-store";
                    headers.ContentSecurityPolicy = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                        ? pagesPolicy
                        : ApiPolicy;
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
