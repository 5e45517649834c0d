using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Screening.Domain.Json;
using Screening.Engine;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Screening.Api.OpenApi;

/// <summary>
/// The named request examples of POST /v1/screenings, one per outcome category and named by it, each with the
/// response it really gets: the example responses are evaluated by the engine (with a fixed decision id and time, so
/// the document is stable).
/// </summary>
public sealed class ScreeningExamplesFilter(ScreeningEngine engine) : IOperationFilter
{
    public const string OperationId = "CreateScreening";
    private static readonly DateTimeOffset ExampleTime = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != OperationId)
        {
            return;
        }

        var requests = operation.RequestBody?.Content?["application/json"] as OpenApiMediaType;
        var responses = operation.Responses?["200"]?.Content?["application/json"] as OpenApiMediaType;
        if (requests is null || responses is null)
        {
            return;
        }

        requests.Examples = new Dictionary<string, IOpenApiExample>();
        responses.Examples = new Dictionary<string, IOpenApiExample>();
        foreach (var (example, index) in RequestExamples.All.Select((e, i) => (e, i)))
        {
            requests.Examples[example.Name] = new OpenApiExample
            {
                Summary = example.Summary,
                Value = JsonNode.Parse(example.Json),
            };

            var result = engine.EvaluateAt(example.Request, new Guid($"00000000-0000-7000-8000-00000000000{index + 1}"), ExampleTime);
            responses.Examples[example.Name] = new OpenApiExample
            {
                Summary = $"The result of the {example.Name} example",
                Value = JsonSerializer.SerializeToNode(result, ScreeningJson.Options),
            };
        }
    }
}
