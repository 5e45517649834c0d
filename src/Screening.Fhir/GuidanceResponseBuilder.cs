using Hl7.Fhir.Model;
using Screening.Domain.Json;
using Screening.Domain.Outcome;

namespace Screening.Fhir;

/// <summary>
/// The FHIR form of a screening result: a GuidanceResponse whose status says whether data is required, with one
/// dataRequirement per blocking question (naming its linkId), and a contained Parameters resource carrying the outcome
/// category (coded in the service's CodeSystem), every reason with its rule id, text and citation, the questions worth
/// asking (refining, not blocking), and the ruleset.
/// </summary>
public static class GuidanceResponseBuilder
{
    private const string ResultId = "result";

    public static GuidanceResponse Build(ScreeningResult result, ResourceReference? subject, FhirCanonicals canonicals)
    {
        var identifier = new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{result.DecisionId}");
        var response = new GuidanceResponse
        {
            Id = result.DecisionId.ToString(),
            RequestIdentifier = identifier,
            Identifier = [identifier],
            Module = new Canonical($"{canonicals.RulesetModule}|{result.Ruleset.Version}"),
            Status = result.Outcome.Category == OutcomeCategory.InsufficientInformation
                ? GuidanceResponse.GuidanceResponseStatus.DataRequired
                : GuidanceResponse.GuidanceResponseStatus.Success,
            Subject = subject,
            OccurrenceDateTime = result.EvaluatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffK", System.Globalization.CultureInfo.InvariantCulture),
            Note = [new Annotation { Text = result.Outcome.Summary }],
            OutputParameters = new ResourceReference($"#{ResultId}"),
            Contained = [Parameters(result, canonicals)],
            // R2-11: the blocking questions are the data required; the refining ones travel in the Parameters as worth asking.
            DataRequirement = result.MissingInformation.Where(m => m.Blocking).Select(missing => Requirement(missing, canonicals)).ToList(),
        };
        return response;
    }

    public static Coding CategoryCoding(OutcomeCategory category, FhirCanonicals canonicals)
    {
        var code = ScreeningJson.NameOf(category);
        return new Coding(canonicals.OutcomeCategorySystem, code, QuestionnaireBuilder.Humanize(code));
    }

    private static Parameters Parameters(ScreeningResult result, FhirCanonicals canonicals)
    {
        var parameters = new Parameters { Id = ResultId };
        parameters.Add("category", CategoryCoding(result.Outcome.Category, canonicals));
        if (result.Outcome.Subtype is { } subtype)
        {
            parameters.Add("subtype", new Code(ScreeningJson.NameOf(subtype)));
        }

        if (result.Outcome.Pathway is { } pathway)
        {
            parameters.Add("pathway", new Code(ScreeningJson.NameOf(pathway)));
        }

        parameters.Add("summary", new FhirString(result.Outcome.Summary));
        parameters.Add("safetyFollowUpRequired", new FhirBoolean(result.Outcome.SafetyFollowUpRequired));
        parameters.Add("rulesetVersion", new FhirString(result.Ruleset.Version));
        parameters.Add("rulesetHash", new FhirString(result.Ruleset.Hash));
        foreach (var reason in result.Reasons)
        {
            parameters.Parameter.Add(new Parameters.ParameterComponent
            {
                Name = "reason",
                Part =
                [
                    new() { Name = "rule", Value = new Coding(canonicals.RuleSystem, reason.RuleId, reason.Title) },
                    new() { Name = "text", Value = new FhirString(reason.Text) },
                    new() { Name = "citation", Value = new FhirString(reason.Source.Citation) },
                    new() { Name = "decisive", Value = new FhirBoolean(reason.Decisive) },
                ],
            });
        }

        foreach (var missing in result.MissingInformation.Where(m => !m.Blocking))
        {
            var parts = new List<Parameters.ParameterComponent>
            {
                new() { Name = "linkId", Value = new FhirString(LinkIdOf(missing.Field)) },
                new() { Name = "question", Value = new FhirString(missing.Question) },
                new() { Name = "couldChangeOutcomeTo", Value = CategoryCoding(missing.CouldChangeOutcomeTo, canonicals) },
            };
            if (missing.Note is { } note)
            {
                parts.Add(new() { Name = "note", Value = new FhirString(note) });
            }

            parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "worthAsking", Part = parts });
        }

        foreach (var flag in result.Flags)
        {
            parameters.Parameter.Add(new Parameters.ParameterComponent
            {
                Name = "flag",
                Part =
                [
                    new() { Name = "rule", Value = new Coding(canonicals.RuleSystem, flag.RuleId, flag.Title) },
                    new() { Name = "text", Value = new FhirString(flag.Text) },
                ],
            });
        }

        return parameters;
    }

    /// <summary>One data requirement per missing item: the QuestionnaireResponse item with that linkId.</summary>
    private static DataRequirement Requirement(MissingInformation missing, FhirCanonicals canonicals) => new()
    {
        Type = FHIRAllTypes.QuestionnaireResponse,
        ProfileElement = [new Canonical(canonicals.Questionnaire)],
        CodeFilter =
        [
            new DataRequirement.CodeFilterComponent
            {
                Path = "item.linkId",
                Code = [new Coding(canonicals.Questionnaire, LinkIdOf(missing.Field), missing.Question)],
            },
        ],
    };

    /// <summary>The Questionnaire linkId of a request field: trial fields drop their index (treatmentTrials[1].drug is treatmentTrials.drug).</summary>
    public static string LinkIdOf(string field) => System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", string.Empty);
}
