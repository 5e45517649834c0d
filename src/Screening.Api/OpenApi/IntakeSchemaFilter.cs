using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Screening.Domain.Intake;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Screening.Api.OpenApi;

/// <summary>
/// Adds the intake model's clinical metadata to its schema: the question asked, the unit, and what leaving the field
/// out means. The same attributes drive validation and the FHIR Questionnaire.
/// </summary>
public sealed class IntakeSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type.Namespace != typeof(ScreeningRequest).Namespace)
        {
            return;
        }

        foreach (var property in context.Type.GetProperties())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.TryGetValue(name, out var propertySchema))
            {
                continue;
            }

            var notes = new List<string>();
            if (property.GetCustomAttribute<UnitAttribute>() is { } unit)
            {
                notes.Add($"Unit: {unit.Display}.");
            }

            if (property.GetCustomAttribute<QuestionAttribute>() is { } question)
            {
                notes.Add($"Question: \"{question.Text}\"");
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (property.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is null
                && (type.IsEnum || Nullable.GetUnderlyingType(property.PropertyType) is not null))
            {
                notes.Add(type.IsEnum && Enum.IsDefined(type, 0)
                    ? "Omitted or \"unknown\": not answered (never read as \"no\")."
                    : "Omitted or null: unknown (never read as \"no\").");
            }

            if (notes.Count > 0)
            {
                SetDescription(propertySchema, string.Join(" ", new[] { propertySchema.Description }.Concat(notes).Where(s => !string.IsNullOrWhiteSpace(s))));
            }
        }
    }

    private static void SetDescription(IOpenApiSchema schema, string description)
    {
        switch (schema)
        {
            case OpenApiSchema inline:
                inline.Description = description;
                break;
            case OpenApiSchemaReference reference:
                reference.Description = description;
                break;
        }
    }
}
