using Hl7.Fhir.Model;

namespace Screening.Fhir.CdsHooks;

/// <summary>What the prefetched (or fetched) data holds for the screening.</summary>
public enum PrefetchStatus
{
    /// <summary>A completed QuestionnaireResponse of the screening Questionnaire for the patient.</summary>
    Found,

    /// <summary>The search ran and the patient has no completed response: nothing to show.</summary>
    NoneCompleted,

    /// <summary>The data is not what the prefetch template asks for (another resource type, an error outcome).</summary>
    Unusable,

    /// <summary>A response in the data is not shown to be about the hook context's patient (another patient, or no usable subject).</summary>
    OtherPatient,
}

/// <summary>The response to evaluate, when there is one.</summary>
public sealed record PrefetchSelection(PrefetchStatus Status, QuestionnaireResponse? Response);

/// <summary>
/// Picks the patient's latest completed QuestionnaireResponse of the screening Questionnaire from prefetched data: a
/// searchset Bundle (what a search template gives, per CDS Hooks 2.0) or a single QuestionnaireResponse.
/// </summary>
public static class PrefetchReader
{
    /// <param name="resource">The prefetched or fetched data.</param>
    /// <param name="patientId">The hook context's patient id.</param>
    /// <param name="fhirServer">The call's FHIR server base URL, if any: a subject may be an absolute reference on it.</param>
    /// <param name="canonicals">The canonical URLs in force: responses of another Questionnaire are ignored.</param>
    public static PrefetchSelection Select(Resource resource, string patientId, string? fhirServer, FhirCanonicals canonicals)
    {
        var responses = resource switch
        {
            Bundle { Type: Bundle.BundleType.Searchset } bundle => bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().ToArray(),
            QuestionnaireResponse single => [single],
            _ => null,
        };
        if (responses is null)
        {
            return new(PrefetchStatus.Unusable, null);
        }

        // A response must be shown to be this patient's: its subject is Patient/<id>, relative or on the call's own FHIR
        // server. No subject, an identifier-only subject, another patient or another server: refuse the whole prefetch.
        string[] accepted = fhirServer is null
            ? [$"Patient/{patientId}"]
            : [$"Patient/{patientId}", $"{fhirServer.TrimEnd('/')}/Patient/{patientId}"];
        if (responses.Any(r => r.Subject?.Reference is not { } subject || !accepted.Contains(subject, StringComparer.Ordinal)))
        {
            return new(PrefetchStatus.OtherPatient, null);
        }

        var latest = responses
            .Where(r => canonicals.IsQuestionnaire(r.Questionnaire))
            .Where(r => r.Status is QuestionnaireResponse.QuestionnaireResponseStatus.Completed or QuestionnaireResponse.QuestionnaireResponseStatus.Amended)
            .OrderByDescending(r => r.AuthoredElement?.ToDateTimeOffset(TimeSpan.Zero))
            .FirstOrDefault();
        return latest is null ? new(PrefetchStatus.NoneCompleted, null) : new(PrefetchStatus.Found, latest);
    }
}
