using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Screening.Api.Screenings;
using Screening.Domain.Intake;
using Screening.Fhir.CdsHooks;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Screening.Api.OpenApi;

/// <summary>
/// What the code alone cannot say in the schema: batch items are screening requests (read one by one, so they are
/// JSON elements in code), the RFC 9457 problem fields carry their meaning, CDS Hooks requests accept members they do
/// not model (extensions), and a card's indicator is one of three values.
/// </summary>
public sealed class ContractSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<string, string> ProblemFields = new(StringComparer.Ordinal)
    {
        ["type"] = "A URI reference identifying the problem type (RFC 9457).",
        ["title"] = "A short summary of the problem type.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What went wrong, for the caller. Never repeats data that was sent.",
        ["instance"] = "A URI reference identifying this occurrence.",
        ["errors"] = "Validation errors: each key is the path of a field in the request body (e.g. vitals.systolicMmHg, treatmentTrials[0].drug, or body) or the query parameter or header at fault (e.g. limit, Idempotency-Key), each value what it expects.",
    };

    private static readonly string[] Indicators = ["info", "warning", "critical"];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null)
        {
            return;
        }

        if (context.Type == typeof(BatchScreeningRequest) && concrete.Properties.TryGetValue("items", out var items) && items is OpenApiSchema array)
        {
            array.Items = context.SchemaGenerator.GenerateSchema(typeof(ScreeningRequest), context.SchemaRepository);
        }

        if (context.Type.GetCustomAttribute<JsonUnmappedMemberHandlingAttribute>()?.UnmappedMemberHandling == JsonUnmappedMemberHandling.Skip)
        {
            concrete.AdditionalPropertiesAllowed = true;
            concrete.AdditionalProperties = null;
        }

        if (context.Type == typeof(Card) && concrete.Properties.TryGetValue("indicator", out var indicator) && indicator is OpenApiSchema indicatorSchema)
        {
            indicatorSchema.Enum = [.. Indicators.Select(value => (System.Text.Json.Nodes.JsonNode)value)];
        }

        if (typeof(ProblemDetails).IsAssignableFrom(context.Type))
        {
            foreach (var (name, property) in concrete.Properties)
            {
                if (ProblemFields.TryGetValue(name, out var description) && property is OpenApiSchema inline)
                {
                    inline.Description = description;
                }
            }
        }
    }
}
