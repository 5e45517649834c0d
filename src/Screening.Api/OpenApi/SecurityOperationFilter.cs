using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Screening.Api.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Screening.Api.OpenApi;

/// <summary>Declares the API-key requirement on every operation that is not anonymous, so Swagger UI's Authorize button applies.</summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyOptions.Scheme, context.Document)] = [] },
        ];
    }
}
