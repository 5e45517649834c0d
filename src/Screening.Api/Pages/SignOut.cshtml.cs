using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Screening.Api.Pages;

/// <summary>
/// Sign-out: the cookie is removed (a POST with the antiforgery token, so no other site can sign a coordinator out). A
/// coordinator signed in through single sign-on is also signed out at the provider, when it has an end-session endpoint:
/// on a shared workstation the next person would otherwise be signed in as them by the provider's session.
/// </summary>
public sealed class SignOutModel(IOptionsMonitor<OpenIdConnectOptions> singleSignOn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var afterwards = new AuthenticationProperties { RedirectUri = "/signin" };
        if (await HttpContext.GetTokenAsync(PagesSetup.CookieScheme, OpenIdConnectParameterNames.IdToken) is not null
            && await ProviderEndsSessionsAsync())
        {
            return SignOut(afterwards, PagesSetup.CookieScheme, PagesSetup.OidcScheme);
        }

        await HttpContext.SignOutAsync(PagesSetup.CookieScheme);
        return Redirect(afterwards.RedirectUri);
    }

    private async Task<bool> ProviderEndsSessionsAsync() =>
        singleSignOn.Get(PagesSetup.OidcScheme).ConfigurationManager is { } metadata
        && !string.IsNullOrEmpty((await metadata.GetConfigurationAsync(HttpContext.RequestAborted)).EndSessionEndpoint);
}
