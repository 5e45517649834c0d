using System.Text.Json;
using Hl7.Fhir.Model;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Engine.Catalog;

namespace Screening.Fhir;

/// <summary>
/// The service's own code systems and operation, as FHIR resources, so that every canonical its Questionnaire,
/// GuidanceResponses and cards use resolves on this server: the outcome categories, the rule ids of the catalog, the
/// answer values of every choice question of the intake model, and the $evaluate OperationDefinition.
/// </summary>
public static class TerminologyBuilder
{
    /// <summary>Every code system by id (the last segment of its canonical URL).</summary>
    public static IReadOnlyDictionary<string, CodeSystem> CodeSystems(RuleCatalog catalog, FhirCanonicals canonicals)
    {
        var systems = new List<CodeSystem>
        {
            Build(canonicals.OutcomeCategorySystem, "OutcomeCategory", "Screening outcome categories, in order of precedence",
                ScreeningJson.NamesOf(typeof(OutcomeCategory)).Select(code => (code, QuestionnaireBuilder.Humanize(code)))),
            Build(canonicals.RuleSystem, "ScreeningRule", "Rule ids of the screening ruleset (GET /v1/rules, /rules)",
                catalog.Entries.Select(rule => (rule.Id, rule.Title))),
            Build(canonicals.OverrideReasonSystem, "CdsOverrideReason", "Reasons a clinician may give for overriding a CDS Hooks card",
                CdsHooks.ScreeningCdsService.OverrideReasonCodes),
        };
        foreach (var enumType in IntakeItem.Questions.Values.Where(q => q.Kind == AnswerKind.Choice).Select(q => q.EnumType).Distinct())
        {
            var url = canonicals.EnumSystem(enumType);
            systems.Add(Build(url, enumType.Name, $"Answers to the intake question(s) of type {QuestionnaireBuilder.Humanize(JsonNamingPolicy.KebabCaseLower.ConvertName(enumType.Name))}",
                ScreeningJson.NamesOf(enumType).Where(code => code != "unknown").Select(code => (code, QuestionnaireBuilder.Humanize(code)))));
        }

        return systems.ToDictionary(system => system.Id!, StringComparer.Ordinal);
    }

    private static CodeSystem Build(string url, string name, string title, IEnumerable<(string Code, string Display)> concepts) => new()
    {
        Id = url[(url.LastIndexOf('/') + 1)..],
        Url = url,
        Version = Rules.RulesetInfo.Version,
        Name = name,
        Title = title,
        Status = PublicationStatus.Active,
        Content = CodeSystemContentMode.Complete,
        CaseSensitive = true,
        Concept = concepts.Select(c => new CodeSystem.ConceptDefinitionComponent { Code = c.Code, Display = c.Display }).ToList(),
    };

    /// <summary>The $evaluate operation: a QuestionnaireResponse of the screening Questionnaire in, a GuidanceResponse out.</summary>
    public static OperationDefinition EvaluateOperation(FhirCanonicals canonicals) => new()
    {
        Id = FhirCanonicals.EvaluateOperationId,
        Url = canonicals.EvaluateOperation,
        Version = Rules.RulesetInfo.Version,
        Name = "EvaluateQuestionnaireResponse",
        Title = "Evaluate a screening QuestionnaireResponse",
        Status = PublicationStatus.Active,
        Kind = OperationDefinition.OperationKind.Operation,
        Code = "evaluate",
        Resource = [ResourceType.QuestionnaireResponse],
        System = false,
        Type = true,
        Instance = false,
        AffectsState = false,
        Description = "Runs the screening rules on a QuestionnaireResponse of the screening Questionnaire (posted as the request body) and answers a GuidanceResponse: success, or data-required with the blocking missing items as dataRequirement. The decision is kept in the service's decision record.",
        Parameter =
        [
            new OperationDefinition.ParameterComponent
            {
                Name = "resource", Use = OperationParameterUse.In, Min = 1, Max = "1", Type = FHIRAllTypes.QuestionnaireResponse,
                Documentation = "The QuestionnaireResponse to evaluate (the whole request body).",
            },
            new OperationDefinition.ParameterComponent
            {
                Name = "return", Use = OperationParameterUse.Out, Min = 1, Max = "1", Type = FHIRAllTypes.GuidanceResponse,
                Documentation = "The screening result as a GuidanceResponse (its id is the decision id).",
            },
        ],
    };
}
