using System.Buffers;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Screening.Domain.Json;

namespace Screening.Api.Validation;

/// <summary>The outcome of reading a request body: the value, or the problem to answer with.</summary>
public readonly record struct BodyRead<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;

/// <summary>
/// Reads and validates JSON request bodies. Model binding is not used on purpose: its failure path logs the
/// serializer's exception message, which can quote the request (an unknown property's name), and it cannot name the
/// offending field without echoing input. Here every error names the field from the model and never repeats a value.
/// </summary>
public sealed class IntakeReader(IServiceProvider services)
{
    /// <summary>Reads the body of <paramref name="request"/> (at most <paramref name="maxBytes"/>) as a validated <typeparamref name="T"/>.</summary>
    public async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsUtf8Json(request.ContentType))
        {
            return Failure<T>(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json in UTF-8.");
        }

        var (tooLarge, read) = await ReadBoundedAsync(request, maxBytes, body => Parse<T>(body), cancellationToken);
        return tooLarge ? Failure<T>(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body must be at most {maxBytes} bytes.") : read;
    }

    /// <summary>
    /// Reads the request body, at most <paramref name="maxBytes"/>, into a pooled buffer and hands it to
    /// <paramref name="consume"/> (which must not keep it); TooLarge when the body is longer.
    /// </summary>
    public static async Task<(bool TooLarge, TResult Value)> ReadBoundedAsync<TResult>(
        HttpRequest request, int maxBytes, Func<ReadOnlyMemory<byte>, TResult> consume, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (true, default!);
        }

        // A pooled buffer one byte larger than the limit: filling it means the body is too large.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : maxBytes + 1);
        try
        {
            var length = await FillAsync(request.Body, buffer.AsMemory(0, Math.Min(buffer.Length, maxBytes + 1)), cancellationToken);
            return length < 0 || length > maxBytes ? (true, default!) : (false, consume(buffer.AsMemory(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses and validates one JSON value; <paramref name="fieldPrefix"/> places its errors inside a larger body (a batch item).</summary>
    public BodyRead<T> Parse<T>(ReadOnlyMemory<byte> json, string fieldPrefix = "")
        where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json.Span, ScreeningJson.Options);
        }
        catch (JsonException exception)
        {
            var (field, message) = Classify(json, exception, typeof(T));
            return Invalid<T>(Prefixed(fieldPrefix, field), message);
        }

        if (value is null)
        {
            return Invalid<T>(Prefixed(fieldPrefix, JsonErrorDescriber.BodyField), "must be a JSON object");
        }

        var validation = services.GetRequiredService<IValidator<T>>().Validate(value);
        if (!validation.IsValid)
        {
            var errors = validation.Errors
                .GroupBy(e => Prefixed(fieldPrefix, e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
            return new BodyRead<T>(null, ValidationProblem(errors));
        }

        return new BodyRead<T>(value, null);
    }

    /// <summary>A 400 naming the given fields, with the same shape as every other validation error.</summary>
    public static ProblemHttpResult ValidationProblem(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = "See errors: each key is the path of a field in the request body.",
        });

    private static (string Field, string Message) Classify(ReadOnlyMemory<byte> json, JsonException exception, Type target)
    {
        // Only now, on the failure path, find out whether the text is JSON at all, and whether a property repeats.
        try
        {
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = ScreeningJson.MaxDepth });
            while (reader.Read())
            {
            }
        }
        catch (JsonException syntax)
        {
            return (JsonErrorDescriber.BodyField, $"is not valid JSON (line {syntax.LineNumber + 1}, byte {syntax.BytePositionInLine + 1}), or is nested deeper than {ScreeningJson.MaxDepth} levels");
        }

        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ScreeningJson.MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return (JsonErrorDescriber.BodyField, "repeats a property; each property may appear once");
        }

        return JsonErrorDescriber.Describe(exception.Path, target);
    }

    private static string Prefixed(string prefix, string field) =>
        prefix.Length == 0 ? field : field == JsonErrorDescriber.BodyField ? prefix : $"{prefix}.{field}";

    private static BodyRead<T> Invalid<T>(string field, string message)
        where T : class => new(null, ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }));

    private static BodyRead<T> Failure<T>(int status, string title, string detail)
        where T : class => new(null, TypedResults.Problem(detail, statusCode: status, title: title));

    private static bool IsUtf8Json(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true)
        && (mediaType.Charset.Length == 0 || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads into <paramref name="buffer"/> until the stream ends or the buffer is full; -1 when the server rejects a request body as too large.</summary>
    public static async Task<int> FillAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = await body.ReadAsync(buffer[total..], cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return -1;
        }

        return total;
    }
}
