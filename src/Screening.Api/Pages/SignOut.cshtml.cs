using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Screening.Api.Pages;

/// <summary>Sign-out: the cookie is removed (a POST with the antiforgery token, so no other site can sign a coordinator out).</summary>
public sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PagesSetup.CookieScheme);
        return Redirect("/signin");
    }
}
