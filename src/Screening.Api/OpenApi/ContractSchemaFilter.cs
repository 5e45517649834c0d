using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Screening.Api.Screenings;
using Screening.Domain.Intake;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Screening.Api.OpenApi;

/// <summary>
/// What the code alone cannot say in the schema: batch items are screening requests (read one by one, so they are
/// JSON elements in code), and the RFC 9457 problem fields carry their meaning.
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
        ["errors"] = "Validation errors: each key is the path of a field in the request body (e.g. vitals.systolicMmHg, treatmentTrials[0].drug, or body), each value what the field expects.",
    };

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
