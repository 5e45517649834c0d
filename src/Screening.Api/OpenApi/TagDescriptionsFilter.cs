using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Screening.Api.OpenApi;

/// <summary>One description per tag, so the document's sections say what they hold.</summary>
public sealed class TagDescriptionsFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Screenings"] = "Evaluate questionnaires: one, or a batch of up to 100. Each answer is an explained recommendation.",
        ["Rules"] = "The rule catalog and the ruleset identity (version, content hash, policy in force): what the service decides with.",
        ["Health"] = "Liveness and readiness probes for orchestrators; anonymous.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context) =>
        swaggerDoc.Tags = Descriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToHashSet();
}
