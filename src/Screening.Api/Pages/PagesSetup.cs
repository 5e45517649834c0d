using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Screening.Api.Security;

namespace Screening.Api.Pages;

/// <summary>
/// The referral coordinators' pages (Razor Pages, rendered on the server; no script needed for the core flow). Signed in
/// with an API key, checked like the X-API-Key header and kept as an authentication cookie (HttpOnly, SameSite=Strict or
/// Lax with single sign-on, Secure outside Development, 8 hours sliding), or with the site's single sign-on (OpenID
/// Connect) when configured.
/// Every form carries an antiforgery token. <c>Screening:Pages:Enabled=false</c> turns them off.
/// </summary>
public static class PagesSetup
{
    public const string CookieScheme = "Pages";
    public const string OidcScheme = "PagesOidc";
    public const string Policy = "Pages";
    public const string CookieName = "screening-session";
    private const string DefaultScheme = "ApiKeyOrPages";

    /// <summary>
    /// The policy of the pages: this service's own scripts and styles only, forms posted to itself, no framing. With single
    /// sign-on, forms may also lead to the provider: browsers hold a form's redirects to form-action too, and signing out
    /// posts a form that the service answers with a redirect to the provider's end-session endpoint (on its authority's origin).
    /// </summary>
    public static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var formTargets = SingleSignOnAuthority(configuration) is { } authority
            ? $"'self' {new Uri(authority).GetLeftPart(UriPartial.Authority)}"
            : "'self'";
        return $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action {formTargets}; base-uri 'none'; frame-ancestors 'none'";
    }

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Screening:Pages:Enabled", true);

    /// <summary>The identity provider of single sign-on (<c>Screening:Pages:Oidc:Authority</c>), or null when it is not configured.</summary>
    public static string? SingleSignOnAuthority(IConfiguration configuration) =>
        configuration["Screening:Pages:Oidc:Authority"] is { Length: > 0 } authority ? authority : null;

    public static IServiceCollection AddCoordinatorPages(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!Enabled(configuration))
        {
            return services;
        }

        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/", Policy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Rules");
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "screening-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            // The antiforgery cookie holds no credential (its token is bound to the signed-in user); SameAsRequest lets
            // the sign-in page render over plain HTTP too, where it says that the session cookie needs HTTPS.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var oidc = configuration.GetSection("Screening:Pages:Oidc");
        var authority = SingleSignOnAuthority(configuration);
        var authentication = services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;

            // Strict: no other site's page can make a browser send it. With single sign-on it has to be Lax: the cookie is
            // set when the identity provider's page sends the browser back (a navigation that began on another site),
            // and browsers keep Strict cookies off that navigation's redirect to the page asked for, which would then
            // send the coordinator to sign in again, round and round. Lax still keeps it off other sites' form posts
            // (and every form carries an antiforgery token).
            cookie.Cookie.SameSite = authority is not null ? SameSiteMode.Lax : SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
            cookie.LogoutPath = "/signout";
            cookie.AccessDeniedPath = "/signin";
            cookie.ReturnUrlParameter = "returnUrl";
        });

        // Requests are authenticated by their API key, or, without one, by the pages' cookie: so a coordinator's page
        // requests count against their own rate-limit partition. API endpoints still accept the API key only (their
        // policy names its scheme), so the cookie never authorises an API call.
        authentication.AddPolicyScheme(DefaultScheme, "API key or pages cookie", policy => policy.ForwardDefaultSelector = context =>
            !context.Request.Headers.ContainsKey(ApiKeyOptions.HeaderName) && context.Request.Cookies.ContainsKey(CookieName) ? CookieScheme : ApiKeyOptions.Scheme);
        services.Configure<AuthenticationOptions>(options => options.DefaultScheme = DefaultScheme);

        if (authority is not null)
        {
            services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, OidcSignInOptions>();
            authentication.AddOpenIdConnect(OidcScheme, options =>
            {
                options.Authority = authority;
                options.ClientId = oidc["ClientId"] ?? throw new Hosting.InvalidSettingException("Screening:Pages:Oidc:ClientId is required with Screening:Pages:Oidc:Authority.");
                options.ClientSecret = oidc["ClientSecret"];
                options.ResponseType = "code";
                options.UsePkce = true;
                options.SignInScheme = CookieScheme;
                options.CallbackPath = "/signin-oidc";
                options.SignedOutCallbackPath = "/signout-callback-oidc";
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = oidc["ClientIdClaim"] ?? "preferred_username";
                options.SaveTokens = false;

                // Only the ID token is kept with the session (not the access token, which the pages never use): signing
                // out hands it to the provider, which ends its own session too (see SignOutModel).
                options.Events.OnTokenValidated = context =>
                {
                    if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken) is { Length: > 0 } idToken)
                    {
                        context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
                    }

                    return Task.CompletedTask;
                };

                // A return from the provider that does not sign anyone in (cancelled, expired, a token that does not
                // validate) goes back to the sign-in page with a message, not to an error page (the handler has logged why).
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect($"/signin?{SignInModel.SingleSignOnFailedParameter}=true");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Serves the pages (their style sheet and script are static files under wwwroot/pages), and single sign-on's start.</summary>
    public static void MapCoordinatorPages(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return;
        }

        app.MapRazorPages();
        if (SingleSignOnAuthority(app.Configuration) is not null)
        {
            app.MapGet("/signin/sso", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OidcScheme]))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
    }

    /// <summary>
    /// The client an API key belongs to, checked as the X-API-Key header is (hashes compared in constant time); in
    /// Development with no key configured, any key signs in as the development client.
    /// </summary>
    public static string? ClientOfKey(ApiKeyOptions options, string? key)
    {
        if (options.OpenDevelopmentAccess)
        {
            return ApiKeyAuthenticationHandler.DevelopmentClient;
        }

        return string.IsNullOrEmpty(key) || key.Length > 512 ? null : options.ClientOf(key);
    }

    /// <summary>The cookie principal of a client: its id as the name, as the API key scheme names it.</summary>
    public static ClaimsPrincipal Principal(string clientId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, clientId)], CookieScheme));

    /// <summary>With single sign-on configured, an anonymous visitor is sent to the identity provider instead of /signin.</summary>
    private sealed class OidcSignInOptions : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == CookieScheme)
            {
                options.ForwardChallenge = OidcScheme;
            }
        }
    }
}
