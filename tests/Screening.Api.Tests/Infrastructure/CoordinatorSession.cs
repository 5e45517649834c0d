using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>A coordinator's sign-in on one host, as a cookie header another host can be shown.</summary>
public static partial class CoordinatorSession
{
    /// <summary>
    /// Signs in on the pages of <paramref name="host"/> with the test API key and returns the session cookie: "name=value",
    /// or with <paramref name="fullHeader"/> the whole Set-Cookie header (its attributes too).
    /// </summary>
    public static async Task<string> SignInAsync(WebApplicationFactory<Program> host, bool fullHeader = false)
    {
        using var browser = Browser(host, handleCookies: true);
        var page = await browser.GetStringAsync("/signin");
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["apiKey"] = ApiFactory.ApiKey,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("screening-session=", StringComparison.Ordinal));
        return fullHeader ? header : header.Split(';')[0];
    }

    /// <summary>How <paramref name="host"/> answers the decisions page for that cookie: 200 when it accepts the session, a redirect to sign-in when not.</summary>
    public static async Task<HttpResponseMessage> DecisionsPageAsync(WebApplicationFactory<Program> host, string cookie)
    {
        using var browser = Browser(host, handleCookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/decisions");
        request.Headers.Add("Cookie", cookie);
        return await browser.SendAsync(request);
    }

    /// <summary>A browser-like client on https (the cookies are Secure outside Development), not following redirects.</summary>
    public static HttpClient Browser(WebApplicationFactory<Program> host, bool handleCookies) => host.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = handleCookies,
    });

    /// <summary>The antiforgery token of a page's form (group 1).</summary>
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex AntiforgeryToken();
}
