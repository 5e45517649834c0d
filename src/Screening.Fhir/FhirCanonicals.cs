using System.Text.Json;

namespace Screening.Fhir;

/// <summary>
/// The canonical URLs of the service's FHIR artefacts under one base: the configured <c>Screening:Fhir:CanonicalBase</c>,
/// or, when none is set, the service's own <c>/fhir</c> URL, so that every canonical it hands out resolves on it.
/// </summary>
public sealed class FhirCanonicals
{
    public const string QuestionnaireId = "ketamine-referral-screening";
    public const string EvaluateOperationId = "QuestionnaireResponse-evaluate";
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";

    public FhirCanonicals(string baseUrl)
    {
        Base = baseUrl.TrimEnd('/');
        Questionnaire = $"{Base}/Questionnaire/{QuestionnaireId}";
        RulesetModule = $"{Base}/Library/screening-ruleset";
        OutcomeCategorySystem = CodeSystem("outcome-category");
        RuleSystem = CodeSystem("screening-rule");
        OverrideReasonSystem = CodeSystem("cds-override-reason");
        EvaluateOperation = $"{Base}/OperationDefinition/{EvaluateOperationId}";
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Base { get; }

    public string Questionnaire { get; }

    public string RulesetModule { get; }

    /// <summary>The service's CodeSystem for outcome categories.</summary>
    public string OutcomeCategorySystem { get; }

    /// <summary>The service's CodeSystem for rule ids.</summary>
    public string RuleSystem { get; }

    /// <summary>The service's CodeSystem for the reasons a clinician may give for overriding a CDS card.</summary>
    public string OverrideReasonSystem { get; }

    /// <summary>The $evaluate OperationDefinition.</summary>
    public string EvaluateOperation { get; }

    /// <summary>The CodeSystem for the values of an intake enumeration (e.g. hepatic-impairment).</summary>
    public string EnumSystem(Type enumType) => CodeSystem(JsonNamingPolicy.KebabCaseLower.ConvertName(enumType.Name));

    private string CodeSystem(string id) => $"{Base}/CodeSystem/{id}";

    /// <summary>Whether a canonical reference (optionally <c>|version</c>) names the screening Questionnaire.</summary>
    public bool IsQuestionnaire(string? canonical) => canonical is not null && canonical.Split('|')[0] == Questionnaire;
}
