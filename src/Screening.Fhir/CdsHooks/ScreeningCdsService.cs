namespace Screening.Fhir.CdsHooks;

/// <summary>
/// The one CDS service: on patient-view, evaluate the patient's latest completed QuestionnaireResponse of the
/// screening Questionnaire and show the recommendation as a card.
/// </summary>
public static class ScreeningCdsService
{
    public const string Id = FhirCanonicals.QuestionnaireId;
    public const string Hook = "patient-view";
    public const string PrefetchKey = "questionnaireResponse";

    /// <summary>The FHIR search for the patient's latest completed response of this Questionnaire, as a CDS Hooks prefetch template.</summary>
    public const string PrefetchQuery =
        $"QuestionnaireResponse?questionnaire={FhirCanonicals.Questionnaire}&subject=Patient/{{{{context.patientId}}}}&status=completed&_sort=-authored&_count=1";

    public static CdsServiceDescription Description { get; } = new(
        Hook,
        "Ketamine/esketamine referral screening",
        "Evaluates the patient's latest completed ketamine referral screening questionnaire "
        + $"({FhirCanonicals.Questionnaire}) against the screening rules and shows the referral recommendation, with the "
        + "rules that decided it, their sources, and any information still missing. No card when the patient has no completed questionnaire.",
        Id,
        new Dictionary<string, string> { [PrefetchKey] = PrefetchQuery },
        "The CDS client signs each call with a JWT from an issuer the service trusts; the prefetch (or a FHIR server on the service's allowlist) supplies the QuestionnaireResponse.");

    /// <summary>The FHIR search the service runs itself when the client sent no prefetch.</summary>
    public static string SearchFor(string patientId) => PrefetchQuery.Replace("{{context.patientId}}", Uri.EscapeDataString(patientId), StringComparison.Ordinal);

    /// <summary>The service's CodeSystem for the reasons a clinician may give for overriding a card.</summary>
    public const string OverrideReasonSystem = $"{FhirCanonicals.Base}/CodeSystem/cds-override-reason";

    public static IReadOnlyList<CdsCoding> OverrideReasons { get; } =
    [
        new(OverrideReasonSystem, "already-under-care", "Patient is already referred to or treated by a ketamine/esketamine service"),
        new(OverrideReasonSystem, "answers-outdated", "The questionnaire answers are out of date"),
        new(OverrideReasonSystem, "clinical-judgement", "Clinical judgement differs; see the chart"),
        new(OverrideReasonSystem, "patient-declines", "Patient declines referral"),
    ];
}
