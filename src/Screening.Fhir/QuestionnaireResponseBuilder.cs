using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Screening.Domain.Intake;
using Screening.Domain.Json;

namespace Screening.Fhir;

/// <summary>
/// The reverse of <see cref="QuestionnaireResponseMapper"/>: a QuestionnaireResponse answering the screening
/// Questionnaire with the answers of an intake request (unknown answers left out). For pre-populating a form from an
/// intake system, and for tests.
/// </summary>
public static class QuestionnaireResponseBuilder
{
    public static QuestionnaireResponse FromRequest(ScreeningRequest request, FhirCanonicals canonicals, ResourceReference? subject = null)
    {
        var json = JsonSerializer.SerializeToNode(request, ScreeningJson.Options)!.AsObject();
        return new QuestionnaireResponse
        {
            Questionnaire = canonicals.Questionnaire,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = subject,
            Item = Items(IntakeItem.All, json, canonicals),
        };
    }

    private static List<QuestionnaireResponse.ItemComponent> Items(IEnumerable<IntakeItem> items, JsonObject values, FhirCanonicals canonicals)
    {
        var answered = new List<QuestionnaireResponse.ItemComponent>();
        foreach (var item in items)
        {
            var value = values[item.Name];
            switch (item.Kind)
            {
                case AnswerKind.RepeatingGroup when value is JsonArray { Count: 0 } && item.NoneLinkId is { } noneLinkId:
                    answered.Add(new QuestionnaireResponse.ItemComponent { LinkId = noneLinkId, Answer = [new() { Value = new FhirBoolean(true) }] });
                    break;
                case AnswerKind.RepeatingGroup:
                    answered.AddRange((value as JsonArray ?? []).OfType<JsonObject>()
                        .Select(element => new QuestionnaireResponse.ItemComponent { LinkId = item.LinkId, Item = Items(item.Children, element, canonicals) }));
                    break;
                case AnswerKind.Group:
                    var children = Items(item.Children, value as JsonObject ?? [], canonicals);
                    if (children.Count > 0)
                    {
                        answered.Add(new QuestionnaireResponse.ItemComponent { LinkId = item.LinkId, Item = children });
                    }

                    break;
                case var _ when item.LinkId == "instruments.gad7Total":
                    if (value is not null)
                    {
                        answered.Add(new QuestionnaireResponse.ItemComponent { LinkId = "instruments.gad7", Item = [Answered(item, value, canonicals)] });
                    }

                    break;
                default:
                    if (value is not null && !(item.Kind is AnswerKind.Boolean or AnswerKind.Choice && value.GetValue<string>() == "unknown"))
                    {
                        answered.Add(Answered(item, value, canonicals));
                    }

                    break;
            }
        }

        return answered;
    }

    private static QuestionnaireResponse.ItemComponent Answered(IntakeItem item, JsonNode value, FhirCanonicals canonicals) => new()
    {
        LinkId = item.LinkId,
        Answer =
        [
            new QuestionnaireResponse.AnswerComponent
            {
                Value = item switch
                {
                    { LinkId: "instruments.phq9.item9" } => Frequency(value.GetValue<int>()),
                    { Kind: AnswerKind.Boolean } => new FhirBoolean(value.GetValue<string>() == "yes"),
                    { Kind: AnswerKind.Choice } => new Coding(canonicals.EnumSystem(item.EnumType), value.GetValue<string>()),
                    { Kind: AnswerKind.WholeNumber } => new Integer(value.GetValue<int>()),
                    { Kind: AnswerKind.DecimalNumber } => new FhirDecimal(value.GetValue<decimal>()),
                    { Kind: AnswerKind.Date } => new Date(value.GetValue<string>()),
                    _ => new FhirString(value.GetValue<string>()),
                },
            },
        ],
    };

    private static Coding Frequency(int score) =>
        new(FhirCanonicals.Loinc, InstrumentPanels.FrequencyAnswers[score].Code, InstrumentPanels.FrequencyAnswers[score].Display);
}
