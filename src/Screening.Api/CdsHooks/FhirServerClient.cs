using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Screening.Api.Validation;
using Screening.Fhir;
using Microsoft.Extensions.Options;
using Screening.Fhir.CdsHooks;

namespace Screening.Api.CdsHooks;

/// <summary>
/// Fetches the screening QuestionnaireResponse from the CDS client's FHIR server when the call had no prefetch, and
/// only from a server on <c>Screening:CdsHooks:AllowedFhirServers</c>: the URL in a request never decides on its own
/// where the service connects.
/// </summary>
public sealed class FhirServerClient(HttpClient http, IOptions<CdsHooksOptions> options)
{
    private const int MaxResponseBytes = 1024 * 1024;

    /// <summary>True when <paramref name="fhirServer"/> is exactly one of the allowed base URLs.</summary>
    public bool IsAllowed(string? fhirServer) =>
        Normalize(fhirServer) is { } server && options.Value.AllowedFhirServers.Any(allowed => Normalize(allowed) == server);

    /// <summary>Runs the prefetch search on the server; null when the server cannot be reached or answers anything but a FHIR resource.</summary>
    public async Task<Resource?> SearchAsync(string fhirServer, FhirAuthorization? authorization, string patientId, FhirCanonicals canonicals, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Normalize(fhirServer)}/{ScreeningCdsService.SearchFor(patientId, canonicals)}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
            if (authorization is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authorization.AccessToken);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxResponseBytes + 1];
            var (status, length) = await IntakeReader.FillAsync(body, buffer, cancellationToken);
            return status != BodyReadStatus.Read || length > MaxResponseBytes || FhirJson.DecodeUtf8(buffer.AsSpan(0, length), out _) is not { } text
                ? null
                : FhirJson.TryParse(text);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or FormatException or UriFormatException or InvalidOperationException)
        {
            // Whatever the client's data did to the outbound request, it is "no answer", never a 500.
            return null;
        }
    }

    private static string? Normalize(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;
}
