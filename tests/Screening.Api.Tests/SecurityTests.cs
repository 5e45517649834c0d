using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

[Collection(SharedApi.Name)]
public class SecurityTests(ApiFactory factory)
{
    /// <summary>The only endpoints anyone may call without a credential: health, the OpenAPI document (Swagger UI is static middleware) and CDS Hooks discovery.</summary>
    private static readonly string[] AnonymousEndpoints = ["/health/live", "/health/ready", "/swagger/{documentName}/swagger.json", "/cds-services", "/metrics", "signin", "rules"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData(ApiFactory.ApiKey + " ")]
    public async Task A_missing_empty_or_wrong_key_is_a_401_problem_that_does_not_say_what_was_wrong(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", key);
        }

        var response = await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Send a valid API key", body, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_needs_a_key_too() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/v1/rules")).StatusCode);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    [InlineData("/cds-services")]
    [InlineData("/metrics")]
    public async Task Health_the_api_documentation_and_cds_discovery_are_anonymous(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(path)).StatusCode);

    [Fact]
    public void Every_endpoint_needs_a_credential_unless_it_is_listed_as_anonymous()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText).ToArray();

        Assert.NotEmpty(endpoints);
        Assert.Equal([], anonymous.Except(AnonymousEndpoints));
    }

    [Fact]
    public async Task Responses_are_not_cached_not_sniffed_and_name_no_server()
    {
        var response = await factory.CreateAuthorizedClient().GetAsync("/v1/ruleset");

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }
}
