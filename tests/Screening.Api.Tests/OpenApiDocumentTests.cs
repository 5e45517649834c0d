using System.Net;
using System.Text.Json;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

/// <summary>The OpenAPI document is a committed artifact: what the service serves equals openapi/screening-api.v1.json.</summary>
[Collection(SharedApi.Name)]
public class OpenApiDocumentTests(ApiFactory factory)
{
    private static string CommittedPath => Path.Combine(Screening.Tests.Repository.Root, "openapi", "screening-api.v1.json");

    private async Task<string> ServedAsync() => await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

    [Fact]
    public async Task The_served_document_equals_the_committed_one()
    {
        var served = (await ServedAsync()).ReplaceLineEndings("\n").TrimEnd();
        var committed = File.ReadAllText(CommittedPath).ReplaceLineEndings("\n").TrimEnd();

        Assert.True(served == committed,
            "openapi/screening-api.v1.json differs from the document the service serves. Regenerate it with ./openapi/regenerate.sh and commit it.");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_tag_a_summary_a_description_and_its_problem_answers()
    {
        using var document = JsonDocument.Parse(await ServedAsync());

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var op = operation.Value;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(op.GetProperty("operationId").GetString()), name);
                Assert.NotEmpty(op.GetProperty("tags").EnumerateArray());
                Assert.False(string.IsNullOrWhiteSpace(op.GetProperty("summary").GetString()), name);
                Assert.False(string.IsNullOrWhiteSpace(op.GetProperty("description").GetString()), name);

                var responses = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();
                if (path.Name.StartsWith("/health", StringComparison.Ordinal))
                {
                    // Probes are never rate-limited.
                    Assert.DoesNotContain("429", responses);
                }
                else
                {
                    Assert.Contains("429", responses);
                }

                var secured = op.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
                if (secured)
                {
                    Assert.Contains("401", responses);
                }

                if (op.TryGetProperty("requestBody", out _))
                {
                    Assert.Equal(["400", "413", "415"], responses.Intersect(["400", "413", "415"]).Order());
                }

                // FHIR endpoints answer errors as OperationOutcome resources; every other endpoint as problem details.
                var errorMediaType = path.Name.StartsWith("/fhir/", StringComparison.Ordinal) ? "application/fhir+json" : "application/problem+json";
                foreach (var problem in op.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')))
                {
                    Assert.True(problem.Value.GetProperty("content").TryGetProperty(errorMediaType, out _), $"{name} {problem.Name}");
                }
            }
        }
    }

    [Fact]
    public async Task Every_named_request_example_in_the_document_answers_200_with_its_category_and_response_example()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        var post = document.RootElement.GetProperty("paths").GetProperty("/v1/screenings").GetProperty("post");
        var requests = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject().ToArray();
        var responses = post.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("examples");
        var client = factory.CreateAuthorizedClient();

        Assert.Equal(6, requests.Length);
        foreach (var example in requests)
        {
            var response = await client.PostAsync("/v1/screenings", JsonContent.Of(example.Value.GetProperty("value").GetRawText()));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(example.Name, result.RootElement.GetProperty("outcome").GetProperty("category").GetString());
            Assert.Equal(example.Name, responses.GetProperty(example.Name).GetProperty("value").GetProperty("outcome").GetProperty("category").GetString());
        }
    }
}
