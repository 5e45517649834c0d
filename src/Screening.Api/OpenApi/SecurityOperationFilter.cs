using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Screening.Api.CdsHooks;
using Screening.Api.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Screening.Api.OpenApi;

/// <summary>Declares the API-key requirement (or, on the CDS Hooks service, the EHR's JWT) on every operation that is not anonymous, so Swagger UI's Authorize button applies.</summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        var scheme = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == CdsHooksAuthentication.Policy)
            ? CdsHooksAuthentication.Scheme
            : ApiKeyOptions.Scheme;
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] },
        ];
    }
}
