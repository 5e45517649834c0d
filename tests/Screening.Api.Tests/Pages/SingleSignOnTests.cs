using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Screening.Api.Pages;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Pages;

/// <summary>
/// The coordinator pages with single sign-on configured (an identity provider whose metadata is given here, so no
/// network is needed): an anonymous visitor is sent to the provider with the authorization code flow and PKCE, and the
/// session cookie is SameSite=Lax, which the return from the provider needs (without it, Strict).
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

    public void Dispose() => _factory.Dispose();

    private sealed class SingleSignOnApiFactory() : ApiFactory(new Dictionary<string, string?>
    {
        ["Screening:Pages:Oidc:Authority"] = Provider,
        ["Screening:Pages:Oidc:ClientId"] = "screening-pages",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The provider's metadata as if fetched from its discovery document (the handler's own set-up, which ran
            // first, would fetch it over the network).
            var metadata = new OpenIdConnectConfiguration { Issuer = Provider, AuthorizationEndpoint = $"{Provider}/authorize", TokenEndpoint = $"{Provider}/token" };
            builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(PagesSetup.OidcScheme, options =>
            {
                options.Configuration = metadata;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
            }));
        }
    }
}
