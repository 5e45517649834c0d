using System.Buffers;
using System.Text.RegularExpressions;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Screening.Domain.Json;
using Serilog;

namespace Screening.Api.Validation;

/// <summary>The outcome of reading a request body: the value, or the problem to answer with.</summary>
public readonly record struct BodyRead<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;

/// <summary>How reading a bounded body ended.</summary>
public enum BodyReadStatus
{
    Read,
    TooLarge,

    /// <summary>The client sent a body the server could not read (a malformed chunked encoding, a body cut short).</summary>
    Malformed,

    /// <summary>Too many bodies are being read at once (for this client, or overall): retry shortly.</summary>
    Busy,
}

/// <summary>
/// Reads and validates JSON request bodies. Model binding is not used on purpose: its failure path logs the
/// serializer's exception message, which can quote the request (an unknown property's name), and it cannot name the
/// offending field without echoing input. Here a body is checked against its model's declared shape while it is read
/// (every structural, type and range error, each under its path, nothing repeated from the request), then
/// deserialized, then validated across fields with FluentValidation.
/// </summary>
public sealed partial class IntakeReader(IServiceProvider services)
{
    /// <summary>Reads the body of <paramref name="request"/> (at most <paramref name="maxBytes"/>) as a validated <typeparamref name="T"/>.</summary>
    public async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsUtf8Json(request.ContentType))
        {
            return Failure<T>(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the body as application/json (UTF-8), with the header Content-Type: application/json.");
        }

        var (status, read) = await ReadBoundedAsync(request, maxBytes, body => Parse<T>(body), cancellationToken, RefuseEarly<T>);
        if (status != BodyReadStatus.Read)
        {
            // The rest of a body too large or unreadable is not worth draining to keep the connection.
            request.HttpContext.Response.Headers.Connection = "close";
        }

        if (read.Problem?.ProblemDetails is HttpValidationProblemDetails invalid)
        {
            services.GetRequiredService<IDiagnosticContext>().Set("InvalidFields", LoggableFields(invalid.Errors.Keys));
        }

        return status switch
        {
            BodyReadStatus.TooLarge => Failure<T>(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body must be at most {maxBytes} bytes."),
            BodyReadStatus.Malformed => Failure<T>(StatusCodes.Status400BadRequest, "The request body could not be read", "The body was cut short or its transfer encoding is malformed."),
            BodyReadStatus.Busy => Busy<T>(request.HttpContext),
            _ => read,
        };
    }

    private static BodyRead<T> Busy<T>(HttpContext context)
        where T : class
    {
        context.Response.Headers.RetryAfter = "1";
        return Failure<T>(StatusCodes.Status503ServiceUnavailable, "The service is busy", "Too many requests are being read at once. Retry after 1 seconds.");
    }

    /// <summary>
    /// The failing fields of a 400 as they may be logged: paths of the request model, built by this service from the
    /// names it knows, indexes and positions. An unknown property is only "(unknown property)": its name is request text.
    /// </summary>
    public static string[] LoggableFields(IEnumerable<string> fields) =>
        [.. fields.Select(field => UnknownProperty().Replace(field, "(unknown property)")).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\(property \d+\)")]
    private static partial Regex UnknownProperty();

    /// <summary>The first probe of a body still arriving, in bytes; each further probe waits for twice as much.</summary>
    public const int FirstProbeBytes = 64 * 1024;

    /// <summary>
    /// Reads the request body, at most <paramref name="maxBytes"/>, into a pooled buffer and hands it to
    /// <paramref name="consume"/> (which must not keep it). A large body is probed with <paramref name="refuseEarly"/>
    /// as it arrives (at 64 KB, 128 KB, 256 KB...; all probes together cost at most one more pass over the body): a
    /// refusal ends the read there, and the connection is closed rather than the rest of the body drained.
    /// </summary>
    public static async Task<(BodyReadStatus Status, TResult Value)> ReadBoundedAsync<TResult>(
        HttpRequest request, int maxBytes, Func<ReadOnlyMemory<byte>, TResult> consume, CancellationToken cancellationToken,
        Func<ReadOnlyMemory<byte>, (bool Refused, TResult Refusal)>? refuseEarly = null)
    {
        if (request.ContentLength > maxBytes)
        {
            return (BodyReadStatus.TooLarge, default!);
        }

        // A turn to read: bodies being read at once are bounded per client and overall (their buffers are the memory).
        using var turn = await request.HttpContext.RequestServices.GetRequiredService<Security.ScreeningRateLimiter>().AcquireBodyReadAsync(request.HttpContext, cancellationToken);
        if (!turn.IsAcquired)
        {
            return (BodyReadStatus.Busy, default!);
        }

        // A pooled buffer one byte larger than the limit: filling it means the body is too large.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : maxBytes + 1);
        try
        {
            var memory = buffer.AsMemory(0, Math.Min(buffer.Length, maxBytes + 1));
            var total = 0;
            var nextProbe = FirstProbeBytes;
            while (total < memory.Length)
            {
                var (status, read) = await ReadChunkAsync(request.Body, memory[total..], cancellationToken);
                if (status != BodyReadStatus.Read)
                {
                    return (status, default!);
                }

                if (read == 0)
                {
                    break;
                }

                total += read;
                // Probed only while more is to come: a body that arrived whole is checked once, by consume.
                if (refuseEarly is not null && total >= nextProbe && total < (request.ContentLength ?? maxBytes + 1))
                {
                    while (nextProbe <= total)
                    {
                        nextProbe *= 2;
                    }

                    if (refuseEarly(memory[..total]) is (true, var refusal))
                    {
                        // The rest is read and dropped here, unlooked-at, while this client's concurrency slot is held
                        // (the server would otherwise drain it after the response, outside any limit). Closing the
                        // connection instead could lose the answer: a reset discards what the client has not read yet.
                        await DiscardRestAsync(request.Body, memory, cancellationToken);
                        return (BodyReadStatus.Read, refusal);
                    }
                }
            }

            return total > maxBytes ? (BodyReadStatus.TooLarge, default!) : (BodyReadStatus.Read, consume(memory[..total]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A refusal based on the beginning of a body, when the beginning already shows an error.</summary>
    private static (bool Refused, BodyRead<T> Refusal) RefuseEarly<T>(ReadOnlyMemory<byte> beginning)
        where T : class =>
        JsonShapeChecker.CheckBeginning(beginning.Span, ShapeOf<T>.Shape) is { } errors ? (true, new BodyRead<T>(null, ShapeProblem(errors, string.Empty))) : (false, default);

    /// <summary>Parses and validates one JSON value; <paramref name="fieldPrefix"/> places its errors inside a larger body (a batch item).</summary>
    public BodyRead<T> Parse<T>(ReadOnlyMemory<byte> json, string fieldPrefix = "")
        where T : class
    {
        if (JsonShapeChecker.Check(json.Span, ShapeOf<T>.Shape) is { } shapeErrors)
        {
            return new BodyRead<T>(null, ShapeProblem(shapeErrors, fieldPrefix));
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json.Span, ScreeningJson.Options);
        }
        catch (JsonException)
        {
            // The shape check passed, so this is a case it does not model: say so without the serializer's message.
            return Invalid<T>(Prefixed(fieldPrefix, JsonShapeChecker.BodyField), "does not match the request schema");
        }

        if (value is null)
        {
            return Invalid<T>(Prefixed(fieldPrefix, JsonShapeChecker.BodyField), "must be a JSON object");
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

    private static ProblemHttpResult ShapeProblem(ShapeErrors errors, string fieldPrefix) => ValidationProblem(
        errors.Errors.GroupBy(e => Prefixed(fieldPrefix, e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
        errors.StoppedEarly);

    private const string SeeErrors = "See errors: each key is the path of a field in the request body, or the query parameter or header at fault.";

    /// <summary>A 400 naming the given fields, with the same shape as every other validation error.</summary>
    public static ProblemHttpResult ValidationProblem(IDictionary<string, string[]> errors, bool stoppedEarly = false)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = stoppedEarly
                ? $"{SeeErrors} Checking stopped there (at {JsonShapeChecker.MaxErrors} errors, or at an array over its limit): the rest of the body may hold more."
                : SeeErrors,
        };
        if (stoppedEarly)
        {
            problem.Extensions["checkStoppedEarly"] = true;
        }

        return TypedResults.Problem(problem);
    }

    private static string Prefixed(string prefix, string field) =>
        prefix.Length == 0 ? field : field == JsonShapeChecker.BodyField ? prefix : $"{prefix}.{field}";

    private static BodyRead<T> Invalid<T>(string field, string message)
        where T : class => new(null, ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }));

    private static BodyRead<T> Failure<T>(int status, string title, string detail)
        where T : class => new(null, TypedResults.Problem(detail, statusCode: status, title: title));

    private static bool IsUtf8Json(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true)
        && (mediaType.Charset.Length == 0 || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads into <paramref name="buffer"/> until the stream ends or the buffer is full. A body the server rejects as too
    /// large, or cannot read (malformed chunks, cut short), is a status, not an exception: it is the client's mistake.
    /// </summary>
    public static async Task<(BodyReadStatus Status, int Length)> FillAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var (status, read) = await ReadChunkAsync(body, buffer[total..], cancellationToken);
            if (status != BodyReadStatus.Read)
            {
                return (status, total);
            }

            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return (BodyReadStatus.Read, total);
    }

    private static async Task DiscardRestAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (await ReadChunkAsync(body, buffer, cancellationToken) is (BodyReadStatus.Read, > 0))
        {
        }
    }

    private static async ValueTask<(BodyReadStatus Status, int Read)> ReadChunkAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return (BodyReadStatus.Read, await body.ReadAsync(buffer, cancellationToken));
        }
        catch (BadHttpRequestException bad)
        {
            return (bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? BodyReadStatus.TooLarge : BodyReadStatus.Malformed, 0);
        }
        catch (IOException)
        {
            // Kestrel reports some malformed chunks (a chunk size that overflows) as an IOException, as it does a
            // connection the client dropped: either way the body cannot be read, and it is not the server's fault.
            return (BodyReadStatus.Malformed, 0);
        }
    }

    private static class ShapeOf<T>
    {
        public static readonly JsonShape Shape = JsonShape.Of(typeof(T));
    }
}
