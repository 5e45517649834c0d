using System.Globalization;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace Screening.Fhir;

/// <summary>A problem with one item of a QuestionnaireResponse: where it is (a FHIRPath) and what is wrong.</summary>
public sealed record MappingIssue(string Location, string Message);

/// <summary>The intake JSON a QuestionnaireResponse maps to, or why it does not.</summary>
public sealed record MappingResult(JsonObject? Intake, IReadOnlyList<MappingIssue> Issues);

/// <summary>
/// Maps a QuestionnaireResponse of the screening Questionnaire to the intake model's JSON, which then goes through the
/// same validation and engine as the JSON API. An unanswered item is unknown; an item disabled by its
/// <c>enableWhen</c> is ignored; PHQ-9 and GAD-7 totals are computed from complete items and checked against a
/// submitted total. An unknown linkId or a wrong answer type is an issue, located by position so that nothing the
/// client sent is repeated.
/// </summary>
public static class QuestionnaireResponseMapper
{
    private static readonly HashSet<string> Groups = IntakeItem.Flatten(IntakeItem.All)
        .Where(i => i.Kind == AnswerKind.Group).Select(i => i.LinkId)
        .Concat(["instruments.gad7"])
        .ToHashSet(StringComparer.Ordinal);

    // The yes/no items that answer a list with "none", by their linkId.
    private static readonly Dictionary<string, IntakeItem> NoneItems = IntakeItem.RepeatingGroups.Values
        .Where(g => g.NoneLinkId is not null)
        .ToDictionary(g => g.NoneLinkId!, StringComparer.Ordinal);

    // PHQ-9 and GAD-7 items are answered with LOINC codes and scored 0-3; PHQ-9 item 9 is also an intake field.
    private static readonly Dictionary<string, InstrumentItem> PanelItems = InstrumentPanels.Phq9.Concat(InstrumentPanels.Gad7)
        .ToDictionary(i => i.LinkId, StringComparer.Ordinal);

    public static MappingResult Map(QuestionnaireResponse response, FhirCanonicals canonicals)
    {
        var issues = new List<MappingIssue>();
        if (response.Questionnaire is { } canonical && !canonicals.IsQuestionnaire(canonical))
        {
            issues.Add(new MappingIssue("QuestionnaireResponse.questionnaire", $"must be {canonicals.Questionnaire}"));
        }

        var intake = new JsonObject();
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var none = new Dictionary<string, bool>(StringComparer.Ordinal);
        Walk(response.Item, "QuestionnaireResponse", intake, intake, group: null, scores, none, issues, canonicals);
        if (issues.Count == 0)
        {
            IgnoreDisabledItems(intake);
            AnswerNone(intake, none, issues);
            Total(intake, InstrumentPanels.Phq9, "instruments.phq9.total", scores, issues);
            Total(intake, InstrumentPanels.Gad7, "instruments.gad7Total", scores, issues);
        }

        return issues.Count == 0 ? new MappingResult(intake, []) : new MappingResult(null, issues);
    }

    /// <summary>
    /// Maps items onto the intake JSON. Outside a repeating group (<paramref name="group"/> null) values are set on the
    /// root by their linkId path; inside one, each occurrence of the group is an object of the list, and its items are
    /// set on that object by the rest of their path.
    /// </summary>
    private static void Walk(List<QuestionnaireResponse.ItemComponent> items, string location, JsonObject root, JsonObject target,
        IntakeItem? group, Dictionary<string, int> scores, Dictionary<string, bool> none, List<MappingIssue> issues, FhirCanonicals canonicals)
    {
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var here = $"{location}.item[{index}]";
            var linkId = item.LinkId ?? string.Empty;

            if (group is null && IntakeItem.RepeatingGroups.TryGetValue(linkId, out var repeating))
            {
                var list = ListAt(root, linkId);
                var element = new JsonObject();
                list.Add(element);
                Walk(item.Item, here, root, element, repeating, scores, none, issues, canonicals);
            }
            else if (group is null && Groups.Contains(linkId))
            {
                Walk(item.Item, here, root, target, group, scores, none, issues, canonicals);
            }
            else if (group is null && NoneItems.TryGetValue(linkId, out var list))
            {
                if (item.Answer is [{ Value: FhirBoolean { Value: { } answer } }])
                {
                    none[list.LinkId] = answer;
                }
                else if (item.Answer.Count > 0)
                {
                    issues.Add(new MappingIssue($"{here}.answer[0]", $"item '{linkId}' needs one valueBoolean answer"));
                }
            }
            else if (group is null && PanelItems.ContainsKey(linkId))
            {
                if (Score(item, here, issues) is { } score)
                {
                    scores[linkId] = score;
                    if (IntakeItem.Questions.ContainsKey(linkId))
                    {
                        Set(root, linkId, score);
                    }
                }
            }
            else if (IntakeItem.Questions.TryGetValue(linkId, out var question) && IntakeItem.RepeatingGroupOf(linkId)?.LinkId == group?.LinkId)
            {
                if (Answer(question, item, here, issues, canonicals) is { } value)
                {
                    if (group is null)
                    {
                        Set(root, linkId, value);
                    }
                    else
                    {
                        Set(target, linkId[(group.LinkId.Length + 1)..], value);
                    }
                }
            }
            else
            {
                issues.Add(new MappingIssue(here, $"is not an item of Questionnaire {FhirCanonicals.QuestionnaireId} at this place"));
            }
        }
    }

    /// <summary>The list at a repeating group's path, created on first use.</summary>
    private static JsonArray ListAt(JsonObject root, string path)
    {
        if (Get(root, path) is JsonArray existing)
        {
            return existing;
        }

        var list = new JsonArray();
        Set(root, path, list);
        return list;
    }

    /// <summary>"None" answered yes makes the list an empty one (asked: none); with entries listed as well, the answers contradict each other.</summary>
    private static void AnswerNone(JsonObject intake, Dictionary<string, bool> none, List<MappingIssue> issues)
    {
        foreach (var (listLinkId, answeredNone) in none.Where(n => n.Value))
        {
            if (Get(intake, listLinkId) is JsonArray { Count: > 0 })
            {
                issues.Add(new MappingIssue("QuestionnaireResponse.item", $"item '{IntakeItem.RepeatingGroups[listLinkId].NoneLinkId}' answers none, but '{listLinkId}' lists entries"));
            }
            else
            {
                Set(intake, listLinkId, new JsonArray());
            }
        }
    }

    /// <summary>The single answer of a question item as a JSON value, or null when unanswered.</summary>
    private static JsonNode? Answer(IntakeItem question, QuestionnaireResponse.ItemComponent item, string location, List<MappingIssue> issues, FhirCanonicals canonicals)
    {
        if (item.Answer.Count == 0)
        {
            return null;
        }

        if (item.Answer.Count > 1)
        {
            issues.Add(new MappingIssue(location, $"item '{question.LinkId}' takes one answer"));
            return null;
        }

        JsonNode? value = (question.Kind, item.Answer[0].Value) switch
        {
            (AnswerKind.Boolean, FhirBoolean { Value: { } b }) => b ? "yes" : "no",
            (AnswerKind.Choice, Coding coding) when coding.System == canonicals.EnumSystem(question.EnumType) && question.Choices.Contains(coding.Code) => coding.Code,
            (AnswerKind.WholeNumber, Integer { Value: { } n }) => n,
            (AnswerKind.DecimalNumber, FhirDecimal { Value: { } d }) => d,
            (AnswerKind.DecimalNumber, Integer { Value: { } n }) => (decimal)n,
            (AnswerKind.Date, Date date) when DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (AnswerKind.Text, FhirString { Value: { } text }) => text,
            _ => null,
        };

        if (value is null)
        {
            issues.Add(new MappingIssue($"{location}.answer[0]", $"item '{question.LinkId}' needs a {Expected(question, canonicals)} answer"));
        }

        return value;
    }

    /// <summary>The 0-3 score of a PHQ-9 or GAD-7 item: the position of its LOINC answer.</summary>
    private static int? Score(QuestionnaireResponse.ItemComponent item, string location, List<MappingIssue> issues)
    {
        if (item.Answer.Count == 0)
        {
            return null;
        }

        var score = item.Answer.Count == 1 && item.Answer[0].Value is Coding { System: FhirCanonicals.Loinc } coding
            ? Array.FindIndex(InstrumentPanels.FrequencyAnswers, a => a.Code == coding.Code)
            : -1;
        if (score < 0)
        {
            issues.Add(new MappingIssue($"{location}.answer[0]", $"item '{item.LinkId}' needs one LOINC answer from LL358-3 (not at all ... nearly every day)"));
            return null;
        }

        return score;
    }

    /// <summary>A question asked only after "yes" to another is ignored when that answer is not "yes" (the form disables it).</summary>
    private static void IgnoreDisabledItems(JsonObject intake)
    {
        foreach (var question in IntakeItem.Questions.Values.Where(q => q.AskedWhenYes is not null && IntakeItem.RepeatingGroupOf(q.LinkId) is null))
        {
            if (Get(intake, question.AskedWhenYes!)?.GetValue<string>() != "yes")
            {
                Remove(intake, question.LinkId);
            }
        }
    }

    /// <summary>Computes a total from complete items, or checks it against the submitted one.</summary>
    private static void Total(JsonObject intake, IReadOnlyList<InstrumentItem> items, string totalLinkId, Dictionary<string, int> scores, List<MappingIssue> issues)
    {
        var itemScores = items.Select(i => scores.TryGetValue(i.LinkId, out var s) ? s : (int?)null).ToArray();
        if (itemScores.Any(s => s is null))
        {
            return;
        }

        var sum = itemScores.Sum(s => s!.Value);
        if (Get(intake, totalLinkId) is { } submitted && submitted.GetValue<int>() != sum)
        {
            issues.Add(new MappingIssue("QuestionnaireResponse.item", $"item '{totalLinkId}' does not equal the sum of its item scores"));
            return;
        }

        Set(intake, totalLinkId, sum);
    }

    private static string Expected(IntakeItem question, FhirCanonicals canonicals) => question.Kind switch
    {
        AnswerKind.Boolean => "valueBoolean",
        AnswerKind.Choice => $"valueCoding from {canonicals.EnumSystem(question.EnumType)}",
        AnswerKind.WholeNumber => "valueInteger",
        AnswerKind.DecimalNumber => "valueDecimal",
        AnswerKind.Date => "valueDate (YYYY-MM-DD)",
        _ => "valueString",
    };

    private static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            node = (node as JsonObject)?[segment];
        }

        return node;
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var segments = path.Split('.');
        var node = root;
        foreach (var segment in segments[..^1])
        {
            node = node[segment] as JsonObject ?? (JsonObject)(node[segment] = new JsonObject());
        }

        node[segments[^1]] = value;
    }

    private static void Remove(JsonObject root, string path)
    {
        var segments = path.Split('.');
        if (Get(root, string.Join('.', segments[..^1])) is JsonObject parent)
        {
            parent.Remove(segments[^1]);
        }
    }
}
