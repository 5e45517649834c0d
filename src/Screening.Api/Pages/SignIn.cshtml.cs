using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Screening.Api.Security;

namespace Screening.Api.Pages;

/// <summary>Sign-in with an API key, kept as the pages' authentication cookie.</summary>
public sealed class SignInModel(IOptionsMonitor<ApiKeyOptions> keys, IConfiguration configuration, IHostEnvironment environment) : PageModel
{
    /// <summary>
    /// Outside Development the session cookie is Secure: a browser keeps it from HTTPS and from this machine (loopback)
    /// only. Reached over plain HTTP from elsewhere, the page says so instead of signing in in a loop.
    /// </summary>
    public bool CookieWillNotStick => !environment.IsDevelopment() && !Request.IsHttps
        && HttpContext.Connection.RemoteIpAddress is { } address && !System.Net.IPAddress.IsLoopback(address);

    /// <summary>The query parameter that says a return from single sign-on signed nobody in.</summary>
    public const string SingleSignOnFailedParameter = "ssoFailed";

    public bool Failed { get; private set; }

    public bool SingleSignOnFailed { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool SingleSignOn => PagesSetup.SingleSignOnAuthority(configuration) is not null;

    public void OnGet(string? returnUrl, [FromQuery(Name = SingleSignOnFailedParameter)] bool singleSignOnFailed = false)
    {
        ReturnUrl = LocalOrStart(returnUrl);
        SingleSignOnFailed = singleSignOnFailed;
    }

    public async Task<IActionResult> OnPostAsync(string? apiKey, string? returnUrl)
    {
        ReturnUrl = LocalOrStart(returnUrl);
        if (PagesSetup.ClientOfKey(keys.Get(ApiKeyOptions.Scheme), apiKey) is not { } clientId)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(PagesSetup.CookieScheme, PagesSetup.Principal(clientId), new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Only a path of this site: never a redirect elsewhere.</summary>
    private string LocalOrStart(string? url) => url is not null && Url.IsLocalUrl(url) ? url : "/";
}
