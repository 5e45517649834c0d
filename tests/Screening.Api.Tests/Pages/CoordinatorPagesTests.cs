using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Pages;

/// <summary>
/// The coordinator pages over HTTP (the browser test drives them in Chromium): sign-in, the cookie's attributes,
/// redirects without it, antiforgery, the form read into the same request the API takes, the result and the list.
/// </summary>
[Collection(SharedApi.Name)]
public class CoordinatorPagesTests(ApiFactory factory)
{
    private static readonly string[] Pages = ["/", "/screenings/new", "/decisions", $"/decisions/{Guid.CreateVersion7()}"];

    private HttpClient Browser() => CoordinatorSession.Browser(factory, handleCookies: true);

    private async Task<HttpClient> SignedInAsync()
    {
        var browser = Browser();
        var response = await PostFormAsync(browser, "/signin", new() { ["apiKey"] = ApiFactory.ApiKey });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Posts a form the way a browser does: with the antiforgery token of the page's form.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path.Split('?')[0]);
        fields["__RequestVerificationToken"] = CoordinatorSession.AntiforgeryToken().Match(page).Groups[1].Value;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Without_a_cookie_every_page_redirects_to_sign_in()
    {
        using var browser = Browser();
        foreach (var path in Pages)
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        }

        // The API key header is for the API: it does not open the pages.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/decisions");
        request.Headers.Add("X-API-Key", ApiFactory.ApiKey);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_checks_the_key_and_sets_a_strict_http_only_secure_cookie()
    {
        using var browser = Browser();
        var wrong = await PostFormAsync(browser, "/signin", new() { ["apiKey"] = "not-the-key" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("That API key is not valid", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await PostFormAsync(browser, "/signin?returnUrl=%2Fdecisions", new() { ["apiKey"] = ApiFactory.ApiKey, ["returnUrl"] = "/decisions" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/decisions", right.Headers.Location!.OriginalString);
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("screening-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/decisions")).StatusCode);

        // Never a redirect to another site.
        var elsewhere = await PostFormAsync(browser, "/signin", new() { ["apiKey"] = ApiFactory.ApiKey, ["returnUrl"] = "https://example.org/" });
        Assert.Equal("/", elsewhere.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = await SignedInAsync();
        var response = await browser.PostAsync("/screenings/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["vitals.hypertensiveCrisisSymptoms"] = "yes" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var signOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
    }

    [Fact]
    public async Task Pages_run_under_a_policy_without_inline_script()
    {
        using var browser = await SignedInAsync();
        var response = await browser.GetAsync("/screenings/new");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script>|<script [^>]*>[^<]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_form_asks_every_question_of_the_intake_model_with_unknown_as_the_default()
    {
        using var browser = await SignedInAsync();
        var page = await browser.GetStringAsync("/screenings/new");
        foreach (var question in Screening.Fhir.IntakeItem.Questions.Values.Where(q => Screening.Fhir.IntakeItem.RepeatingGroupOf(q.LinkId) is null))
        {
            Assert.Contains($"name=\"{question.LinkId}\"", page, StringComparison.Ordinal);
        }

        // Every yes/no question starts at Unknown: each Unknown radio is checked, no Yes or No is.
        var unknownRadios = Regex.Count(page, "type=\"radio\" id=\"[^\"]+-unknown\"");
        Assert.True(unknownRadios > 50, $"{unknownRadios} yes/no questions");
        Assert.Equal(unknownRadios, Regex.Count(page, "value=\"\" checked=\"checked\""));
        Assert.DoesNotMatch("value=\"(yes|no)\" checked", page);
    }

    [Fact]
    public async Task A_wrong_answer_is_named_next_to_its_field_and_the_form_keeps_what_was_typed()
    {
        using var browser = await SignedInAsync();
        var response = await PostFormAsync(browser, "/screenings/new", new()
        {
            ["vitals.systolicMmHg"] = "abc",
            ["instruments.phq9.total"] = "40",
            ["patient.dateOfBirth"] = "1980-05-14",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"abc\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"1980-05-14\"", page, StringComparison.Ordinal);
        Assert.Matches("id=\"f-vitals-systolicMmHg-error\"><span class=\"visually-hidden\">Error: </span>[^<]+", page);
        Assert.Matches("id=\"f-instruments-phq9-total-error\"><span class=\"visually-hidden\">Error: </span>[^<]*27", page);
    }

    [Fact]
    public async Task An_answer_that_is_not_utf8_is_named_next_to_its_field_and_nothing_is_decided()
    {
        // The form reader turns bytes that are not UTF-8 into U+FFFD, and the screening went ahead on a drug name nobody
        // typed. (A browser sends the form as UTF-8; another client may not.)
        using var browser = await SignedInAsync();
        var token = CoordinatorSession.AntiforgeryToken().Match(await browser.GetStringAsync("/screenings/new")).Groups[1].Value;
        byte[] body = [.. "rows%3AtreatmentTrials=1&treatmentTrials%5B0%5D.drug=sertral"u8, 0xFF, .. "ine&patient.dateOfBirth=1980-05-14&__RequestVerificationToken="u8,
            .. Encoding.ASCII.GetBytes(Uri.EscapeDataString(token))];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await browser.PostAsync("/screenings/new", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches("id=\"f-treatmentTrials-0-drug-error\"><span class=\"visually-hidden\">Error: </span>Not readable as UTF-8 text", page);
        Assert.DoesNotContain("id=\"f-patient-dateOfBirth-error\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("remove:treatmentTrials[")]
    [InlineData("remove:treatmentTrials[]")]
    [InlineData("remove:treatmentTrials[x]")]
    public async Task A_malformed_row_action_is_read_as_a_submission(string action)
    {
        // "remove:treatmentTrials[" was read as a row number of length -1 (a 500).
        using var browser = await SignedInAsync();
        var response = await PostFormAsync(browser, "/screenings/new", new() { ["action"] = action, ["vitals.systolicMmHg"] = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"f-vitals-systolicMmHg-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screening_from_the_form_decides_as_the_api_does_and_the_result_page_explains_it()
    {
        using var browser = await SignedInAsync();
        var example = JsonDocument.Parse(File.ReadAllText(Screening.Tests.Repository.PathOf("src", "Screening.Api", "Examples", "refer.json")));
        var fields = FormFields(example.RootElement);
        fields["rows:treatmentTrials"] = "2";
        var response = await PostFormAsync(browser, "/screenings/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/decisions/[0-9a-f-]{36}$", location);

        var page = await browser.GetStringAsync(location);
        Assert.Contains("<span class=\"category\">Refer</span>", page, StringComparison.Ordinal);
        Assert.Contains("Rule IND_TRD", page, StringComparison.Ordinal);
        Assert.Contains(location.Split('/')[^1], page, StringComparison.Ordinal);

        // The same decision over the API, kept for the same client and channel "pages".
        using var api = factory.CreateAuthorizedClient();
        var kept = JsonDocument.Parse(await api.GetStringAsync($"/v1/screenings/{location.Split('/')[^1]}")).RootElement;
        Assert.Equal("refer", kept.GetProperty("outcome").GetProperty("category").GetString());
        var listed = JsonDocument.Parse(await api.GetStringAsync("/v1/screenings?limit=50")).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("decisionId").GetString() == location.Split('/')[^1]);
        Assert.Equal("pages", listed.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Answering_what_is_missing_records_a_decision_that_names_the_one_it_follows()
    {
        using var browser = await SignedInAsync();
        var example = JsonDocument.Parse(File.ReadAllText(Screening.Tests.Repository.PathOf("src", "Screening.Api", "Examples", "insufficient-information.json")));
        var fields = FormFields(example.RootElement);
        fields["rows:treatmentTrials"] = "2";
        var first = (await PostFormAsync(browser, "/screenings/new", fields)).Headers.Location!.OriginalString.Split('/')[^1];

        var form = await browser.GetStringAsync($"/screenings/new?follows={first}");
        Assert.Contains("Missing: ask now", form, StringComparison.Ordinal);
        Assert.Contains("value=\"sertraline\"", form, StringComparison.Ordinal);

        foreach (var question in new[] { "wishToBeDead", "suicidalThoughts", "thoughtsWithMethod", "intentWithoutPlan", "intentWithPlan", "suicidalBehaviorLifetime" })
        {
            fields[$"instruments.cssrs.{question}"] = "no";
        }

        fields["previousDecisionId"] = first;
        var second = (await PostFormAsync(browser, $"/screenings/new?follows={first}", fields)).Headers.Location!.OriginalString.Split('/')[^1];

        using var api = factory.CreateAuthorizedClient();
        var result = JsonDocument.Parse(await api.GetStringAsync($"/v1/screenings/{second}")).RootElement;
        Assert.Equal(first, result.GetProperty("previousDecisionId").GetString());
        Assert.NotEqual("insufficient-information", result.GetProperty("outcome").GetProperty("category").GetString());
        Assert.Contains($"Follows decision <a href=\"/decisions/{first}\">", await browser.GetStringAsync($"/decisions/{second}"), StringComparison.Ordinal);
        Assert.Contains($"Followed by decision <a href=\"/decisions/{second}\">", await browser.GetStringAsync($"/decisions/{first}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decision_list_shows_the_coordinators_decisions_newest_first_filtered_by_outcome()
    {
        using var browser = await SignedInAsync();
        var urgent = (await PostFormAsync(browser, "/screenings/new", new() { ["vitals.hypertensiveCrisisSymptoms"] = "yes" })).Headers.Location!.OriginalString.Split('/')[^1];
        var page = await browser.GetStringAsync("/decisions?category=urgent-crisis-referral");
        Assert.Contains($"<code>{urgent}</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<span aria-hidden=\"true\">✓</span> Refer</span>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/decisions/{Guid.CreateVersion7()}")).StatusCode);
    }

    [Theory]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=0001-01-01&to=9999-12-31")]
    public async Task The_decision_list_takes_the_calendars_last_day_as_its_end(string query)
    {
        // The list ends at the start of the day after "to": after 9999-12-31 there is none, and adding it threw (a 500).
        using var browser = await SignedInAsync();
        var urgent = (await PostFormAsync(browser, "/screenings/new", new() { ["vitals.hypertensiveCrisisSymptoms"] = "yes" })).Headers.Location!.OriginalString.Split('/')[^1];

        var response = await browser.GetAsync("/decisions" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<code>{urgent}</code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A request's answers as form fields (lists as name[index].field).</summary>
    private static Dictionary<string, string> FormFields(JsonElement element, string prefix = "", Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    FormFields(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", fields);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    FormFields(item, $"{prefix}[{index++}]", fields);
                }

                break;
            default:
                fields[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
                break;
        }

        return fields;
    }
}

/// <summary>Screening:Pages:Enabled=false: no pages, the API unchanged.</summary>
public sealed class PagesOffTests : IClassFixture<PagesOffTests.Factory>
{
    private readonly Factory _factory;

    public PagesOffTests(Factory factory) => _factory = factory;

    public sealed class Factory() : ApiFactory(new Dictionary<string, string?> { ["Screening:Pages:Enabled"] = "false" });

    [Fact]
    public async Task The_pages_are_not_served_and_the_api_still_is()
    {
        // Unknown paths, as for any path of the API: 401 without a key, 404 with one.
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/signin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/decisions")).StatusCode);
        using var api = _factory.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/signin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/screenings/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/v1/ruleset")).StatusCode);
    }
}
