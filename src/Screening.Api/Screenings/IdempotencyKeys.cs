using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Screening.Api.Validation;
using Screening.DecisionLog;
using Screening.Domain.Json;

namespace Screening.Api.Screenings;

/// <summary>
/// The <c>Idempotency-Key</c> header of POST /v1/screenings and /batch: the same client sending the same key within 24
/// hours gets the original response (the same decision ids), never a second decision; the key with a different request
/// is a 422. Kept by the decision record (hashed), so it holds across replicas; with the record off, keys are ignored.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Says that a response is the one given before for the key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 255;

    /// <summary>A 400 naming the header when it is sent but is not one key of 1-255 visible ASCII characters (no comma).</summary>
    public static ProblemHttpResult? Check(HttpRequest request) =>
        !request.Headers.TryGetValue(Header, out var values)
        || (values is [{ Length: > 0 and <= MaxLength } key] && key.All(c => c is > ' ' and <= '~' and not ','))
            ? null
            : IntakeReader.ValidationProblem(new Dictionary<string, string[]> { [Header] = [$"must be 1 to {MaxLength} visible ASCII characters (a UUID is a good key), and sent once"] });

    /// <summary>
    /// A request's canonical JSON: what a key compares (so that spacing and property order do not matter), and what the
    /// decision record keeps as the request.
    /// </summary>
    public static byte[] Canonical<T>(T request) => JsonSerializer.SerializeToUtf8Bytes(request, ScreeningJson.Options);

    /// <summary>The answer already given for the key (the original response, or a 422 for a different request), or null when the key is unused.</summary>
    public static async Task<IResult?> EarlierAnswerAsync<T>(DecisionRecorder record, string clientId, string key, byte[] canonicalRequest, CancellationToken cancellationToken)
    {
        var earlier = await record.FindIdempotentAsync(clientId, key, canonicalRequest, cancellationToken);
        return earlier.Match switch
        {
            IdempotencyMatch.SameRequest => new JsonBytes<T>(earlier.Response!) { Headers = { [ReplayedHeader] = "true" } },
            IdempotencyMatch.DifferentRequest => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [Header] = ["was used in the last 24 hours with a different request; send a new key for a new request"],
            })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The Idempotency-Key belongs to another request",
                Detail = "An Idempotency-Key answers one request: repeat that request to get its original response, or use a new key.",
            }),
            _ => null,
        };
    }
}
