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
    public static string PrefetchQuery(FhirCanonicals canonicals) =>
        $"QuestionnaireResponse?questionnaire={canonicals.Questionnaire}&subject=Patient/{{{{context.patientId}}}}&status=completed&_sort=-authored&_count=1";

    public static CdsServiceDescription Description(FhirCanonicals canonicals) => new(
        Hook,
        "Ketamine/esketamine referral screening",
        "Evaluates the patient's latest completed ketamine referral screening questionnaire "
        + $"({canonicals.Questionnaire}) against the screening rules and shows the referral recommendation, with the "
        + "rules that decided it, their sources, and any information still missing. No card when the patient has no completed questionnaire.",
        Id,
        new Dictionary<string, string> { [PrefetchKey] = PrefetchQuery(canonicals) },
        "The CDS client signs each call with a JWT from an issuer the service trusts; the prefetch (or a FHIR server on the service's allowlist) supplies the QuestionnaireResponse.");

    /// <summary>The FHIR search the service runs itself when the client sent no prefetch.</summary>
    public static string SearchFor(string patientId, FhirCanonicals canonicals) =>
        PrefetchQuery(canonicals).Replace("{{context.patientId}}", Uri.EscapeDataString(patientId), StringComparison.Ordinal);

    /// <summary>The reasons a clinician may give for overriding a card (code and display), in the service's CodeSystem <see cref="FhirCanonicals.OverrideReasonSystem"/>.</summary>
    public static IReadOnlyList<(string Code, string Display)> OverrideReasonCodes { get; } =
    [
        ("already-under-care", "Patient is already referred to or treated by a ketamine/esketamine service"),
        ("answers-outdated", "The questionnaire answers are out of date"),
        ("clinical-judgement", "Clinical judgement differs; see the chart"),
        ("patient-declines", "Patient declines referral"),
    ];

    public static IReadOnlyList<CdsCoding> OverrideReasons(FhirCanonicals canonicals) =>
        OverrideReasonCodes.Select(reason => new CdsCoding(canonicals.OverrideReasonSystem, reason.Code, reason.Display)).ToArray();
}
