using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Screening.Api.Screenings;

/// <summary>
/// A 200 whose body is JSON already serialized: the very bytes the decision record keeps, so that a decision looked up
/// later is byte-identical to the one sent. Documented in OpenAPI as <typeparamref name="T"/>, like Ok&lt;T&gt;.
/// </summary>
public sealed class JsonBytes<T>(byte[] utf8Json, string contentType = "application/json") : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public byte[] Body => utf8Json;

    /// <summary>Extra response headers (e.g. that the response is one given before, for an idempotency key).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = utf8Json.Length;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        return response.Body.WriteAsync(utf8Json).AsTask();
    }

#pragma warning disable CA1000 // The static member implements IEndpointMetadataProvider (a static abstract interface member).
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
#pragma warning restore CA1000
}
