using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Screening.Api.Pages;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Pages;

/// <summary>
/// The coordinator pages with single sign-on configured (an identity provider whose metadata, signing key and token
/// endpoint are given here, so no network is needed): an anonymous visitor is sent to the provider with the
/// authorization code flow and PKCE; coming back with a code, they are signed in under their name; an ID token for
/// another client signs nobody in (back to the sign-in page, with a message); the session cookie is SameSite=Lax, which the return from the provider needs.
/// </summary>
public sealed class SingleSignOnTests : IDisposable
{
    private const string Provider = "https://idp.example.org";
    private readonly SingleSignOnApiFactory _factory = new();

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_identity_provider_with_the_code_flow_and_pkce()
    {
        using var browser = CoordinatorSession.Browser(_factory, handleCookies: false);

        var response = await browser.GetAsync("/decisions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"{Provider}/authorize", location.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("screening-pages", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("openid profile", query["scope"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
    }

    [Fact]
    public async Task With_single_sign_on_the_session_cookie_is_lax()
    {
        var cookie = await CoordinatorSession.SignInAsync(_factory, fullHeader: true);

        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_coordinator_returning_from_the_provider_is_signed_in_under_their_name()
    {
        using var browser = CoordinatorSession.Browser(_factory, handleCookies: true);
        var callback = await ReturnFromProviderAsync(browser, audience: "screening-pages");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/decisions", callback.Headers.Location!.OriginalString);
        Assert.Contains(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("screening-session=", StringComparison.Ordinal)
            && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        var page = await browser.GetAsync("/decisions");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Signed in as coordinator.jane", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_token_for_another_client_signs_nobody_in_and_returns_to_sign_in_with_a_message()
    {
        using var browser = CoordinatorSession.Browser(_factory, handleCookies: true);
        var callback = await ReturnFromProviderAsync(browser, audience: "another-client");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/signin?ssoFailed=true", callback.Headers.Location!.OriginalString);
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("screening-session=", StringComparison.Ordinal));
        Assert.Contains("did not complete", await browser.GetStringAsync(callback.Headers.Location), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/decisions")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        using var browser = CoordinatorSession.Browser(_factory, handleCookies: true);

        var signedOut = await SignInThenOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal($"{Provider}/logout", signedOut.Headers.Location!.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(signedOut.Headers.Location.Query);
        Assert.Equal(_factory.IdToken, query["id_token_hint"]);
        Assert.Equal("https://localhost/signout-callback-oidc", query["post_logout_redirect_uri"]);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/decisions")).StatusCode);
    }

    [Fact]
    public async Task The_pages_let_their_forms_lead_to_the_provider()
    {
        // Browsers check a form's redirects against form-action too: signing out is a form answered with a redirect there.
        using var browser = CoordinatorSession.Browser(_factory, handleCookies: false);
        var page = await browser.GetAsync("/signin");

        Assert.Contains($"form-action 'self' {Provider};", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_provider_that_has_no_end_session_endpoint_signing_out_ends_the_session_here()
    {
        _factory.Metadata.EndSessionEndpoint = null;
        using var browser = CoordinatorSession.Browser(_factory, handleCookies: true);

        var signedOut = await SignInThenOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/signin", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/decisions")).StatusCode);
    }

    /// <summary>Signs in through the provider, then posts the sign-out form (with its antiforgery token).</summary>
    private async Task<HttpResponseMessage> SignInThenOutAsync(HttpClient browser)
    {
        await ReturnFromProviderAsync(browser, audience: "screening-pages");
        var page = await browser.GetStringAsync("/signout");
        return await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CoordinatorSession.AntiforgeryToken().Match(page).Groups[1].Value,
        }));
    }

    /// <summary>
    /// Opens /decisions (sent to the provider), then comes back the way the provider sends a signed-in coordinator: the
    /// code posted to the callback (response_mode=form_post), which the service redeems at the token endpoint for an ID
    /// token bound to the challenge's nonce and issued for <paramref name="audience"/>.
    /// </summary>
    private async Task<HttpResponseMessage> ReturnFromProviderAsync(HttpClient browser, string audience)
    {
        var challenge = System.Web.HttpUtility.ParseQueryString((await browser.GetAsync("/decisions")).Headers.Location!.Query);
        _factory.IdToken = IdToken(nonce: challenge["nonce"]!, audience);
        return await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "code-from-the-provider",
            ["state"] = challenge["state"]!,
        }));
    }

    private static readonly RsaSecurityKey ProviderKey = new(RSA.Create(2048)) { KeyId = "provider-1" };

    private static string IdToken(string nonce, string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Provider,
        Audience = audience,
        Claims = new Dictionary<string, object> { ["sub"] = "jane-1", ["preferred_username"] = "coordinator.jane", ["nonce"] = nonce },
        SigningCredentials = new SigningCredentials(ProviderKey, SecurityAlgorithms.RsaSha256),
    });

    public void Dispose() => _factory.Dispose();

    /// <summary>The provider's token endpoint: redeems any code for the factory's ID token.</summary>
    private sealed class TokenEndpoint(SingleSignOnApiFactory factory) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri!.AbsoluteUri == $"{Provider}/token"
                ? new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent($$"""{"id_token":"{{factory.IdToken}}","access_token":"access","token_type":"Bearer","expires_in":300}""", System.Text.Encoding.UTF8, "application/json"),
                }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private sealed class SingleSignOnApiFactory() : ApiFactory(new Dictionary<string, string?>
    {
        ["Screening:Pages:Oidc:Authority"] = Provider,
        ["Screening:Pages:Oidc:ClientId"] = "screening-pages",
    })
    {
        /// <summary>The provider's metadata (as its discovery document would give it).</summary>
        public OpenIdConnectConfiguration Metadata { get; } = new()
        {
            Issuer = Provider,
            AuthorizationEndpoint = $"{Provider}/authorize",
            TokenEndpoint = $"{Provider}/token",
            EndSessionEndpoint = $"{Provider}/logout",
        };

        /// <summary>What the provider's token endpoint answers next.</summary>
        public string IdToken { get; set; } = "";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The provider's metadata as if fetched from its discovery document (the handler's own set-up, which ran
            // first, would fetch it over the network).
            Metadata.SigningKeys.Add(ProviderKey);
            builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(PagesSetup.OidcScheme, options =>
            {
                options.Configuration = Metadata;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(Metadata);
                options.Backchannel = new HttpClient(new TokenEndpoint(this));
            }));
        }
    }
}
