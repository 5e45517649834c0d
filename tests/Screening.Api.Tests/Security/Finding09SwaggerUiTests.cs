using System.Net;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Security;

/// <summary>The service with <c>Screening:Swagger:Enabled=false</c>.</summary>
public sealed class SwaggerDisabledApiFactory() : ApiFactory(new Dictionary<string, string?> { ["Screening:Swagger:Enabled"] = "false" });

/// <summary>
/// Finding 9 (info): Swagger UI in Production. It stays on by default (it is part of the product), with a
/// Content-Security-Policy and frame-ancestors 'none'; <c>Screening:Swagger:Enabled=false</c> turns the UI and the
/// document off.
/// </summary>
public class Finding09SwaggerUiTests(ApiFactory enabled, SwaggerDisabledApiFactory disabled) : IClassFixture<ApiFactory>, IClassFixture<SwaggerDisabledApiFactory>
{
    public static TheoryData<string> SwaggerPaths() => ["/swagger/index.html", "/swagger/v1/swagger.json", "/swagger/swagger-ui-bundle.js"];

    [Theory]
    [MemberData(nameof(SwaggerPaths))]
    public async Task Swagger_is_served_by_default_under_a_policy_that_forbids_framing(string path)
    {
        var response = await enabled.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [MemberData(nameof(SwaggerPaths))]
    public async Task Swagger_can_be_turned_off(string path)
    {
        // With a key: an anonymous caller gets 401 for any path that is not public, so it learns nothing either way.
        var response = await disabled.CreateAuthorizedClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_api_answers_with_swagger_off()
    {
        var response = await disabled.CreateAuthorizedClient().GetAsync("/v1/ruleset");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
