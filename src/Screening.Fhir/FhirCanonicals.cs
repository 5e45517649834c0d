using System.Text.Json;

namespace Screening.Fhir;

/// <summary>
/// The canonical URLs of the service's FHIR artefacts. Canonical URLs are names, not addresses: they stay the same
/// wherever the service runs.
/// </summary>
public static class FhirCanonicals
{
    public const string Base = "http://ketamine-screening.local/fhir";
    public const string QuestionnaireId = "ketamine-referral-screening";
    public const string Questionnaire = $"{Base}/Questionnaire/{QuestionnaireId}";
    public const string RulesetModule = $"{Base}/Library/screening-ruleset";

    /// <summary>The service's CodeSystem for outcome categories.</summary>
    public const string OutcomeCategorySystem = $"{Base}/CodeSystem/outcome-category";

    /// <summary>The service's CodeSystem for rule ids.</summary>
    public const string RuleSystem = $"{Base}/CodeSystem/screening-rule";

    /// <summary>The CodeSystem for the values of an intake enumeration (e.g. hepatic-impairment).</summary>
    public static string EnumSystem(Type enumType) => $"{Base}/CodeSystem/{JsonNamingPolicy.KebabCaseLower.ConvertName(enumType.Name)}";

    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
}
