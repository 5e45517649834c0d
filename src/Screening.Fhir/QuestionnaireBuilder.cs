using System.Globalization;
using System.Reflection;
using Hl7.Fhir.Model;
using Screening.Domain.Intake;
using Screening.Rules;

namespace Screening.Fhir;

/// <summary>
/// Generates the Structured Data Capture Questionnaire from the intake model (<see cref="IntakeItem"/>): one group per
/// intake group, one item per field with its type, answer options, unit, range, <c>required</c> and
/// <c>enableWhen</c>. The PHQ-9 and GAD-7 are asked item by item with their LOINC codes, so a form can score them.
/// </summary>
public static class QuestionnaireBuilder
{
    private const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private const string QuestionnaireUnit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    private const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private const string MaxOccurs = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs";

    public static Questionnaire Build(FhirCanonicals canonicals) => new()
    {
        Id = FhirCanonicals.QuestionnaireId,
        Url = canonicals.Questionnaire,
        Version = RulesetInfo.Version,
        Name = "KetamineReferralScreening",
        Title = "Ketamine / esketamine referral screening",
        Status = PublicationStatus.Active,
        SubjectType = [ResourceType.Patient],
        Description = "The intake questions of the ketamine / esketamine referral screening. Leave a question unanswered when the answer is not known: it is then treated as unknown, never as no. The result supports a clinician's referral decision; it is not a diagnosis.",
        Item = IntakeItem.All.SelectMany(item => WithNoneItem(item, canonicals)).ToList(),
    };

    /// <summary>An item, preceded by its "none" yes/no item when it is a list that may be answered "none".</summary>
    private static IEnumerable<Questionnaire.ItemComponent> WithNoneItem(IntakeItem item, FhirCanonicals canonicals)
    {
        if (item.NoneLinkId is { } noneLinkId)
        {
            yield return new Questionnaire.ItemComponent
            {
                LinkId = noneLinkId,
                Text = item.NoneText,
                Type = Questionnaire.QuestionnaireItemType.Boolean,
            };
        }

        yield return ToItem(item, canonicals);
    }

    private static Questionnaire.ItemComponent ToItem(IntakeItem item, FhirCanonicals canonicals) => item.LinkId switch
    {
        "instruments.phq9" => Panel(item, item.Title, InstrumentPanels.Phq9Panel, InstrumentPanels.Phq9,
            item.Children.Single(c => c.Name == "total"), InstrumentPanels.Phq9Total, canonicals),
        "instruments.gad7Total" => Panel(item, "GAD-7 (Generalized Anxiety Disorder-7), over the last 2 weeks", InstrumentPanels.Gad7Panel, InstrumentPanels.Gad7,
            item, InstrumentPanels.Gad7Total, canonicals, panelLinkId: "instruments.gad7"),
        _ when item.Kind is AnswerKind.Group or AnswerKind.RepeatingGroup => new Questionnaire.ItemComponent
        {
            LinkId = item.LinkId,
            Text = GroupTitle(item),
            Type = Questionnaire.QuestionnaireItemType.Group,
            Repeats = item.Kind == AnswerKind.RepeatingGroup,
            Item = item.Children.SelectMany(child => WithNoneItem(child, canonicals)).ToList(),
            Extension = item.Kind == AnswerKind.RepeatingGroup && item.MaxLength is { } maxOccurs ? [new Extension(MaxOccurs, new Integer(maxOccurs))] : [],
        },
        _ => Question(item, canonicals),
    };

    private static Questionnaire.ItemComponent Question(IntakeItem item, FhirCanonicals canonicals, string? loinc = null)
    {
        var question = new Questionnaire.ItemComponent
        {
            LinkId = item.LinkId,
            Text = item.Question ?? item.Title,
            Type = item.Kind switch
            {
                AnswerKind.Boolean => Questionnaire.QuestionnaireItemType.Boolean,
                AnswerKind.Choice => Questionnaire.QuestionnaireItemType.Choice,
                AnswerKind.WholeNumber => Questionnaire.QuestionnaireItemType.Integer,
                AnswerKind.DecimalNumber => Questionnaire.QuestionnaireItemType.Decimal,
                AnswerKind.Date => Questionnaire.QuestionnaireItemType.Date,
                _ => Questionnaire.QuestionnaireItemType.String,
            },
            Required = item.Required ? true : null,
            MaxLength = item.MaxLength,
        };

        if ((loinc, item.Property.GetCustomAttribute<LoincAttribute>()) is var (code, attribute) && (code ?? attribute?.Code) is { } loincCode)
        {
            question.Code = [new Coding(FhirCanonicals.Loinc, loincCode, attribute?.Display)];
        }

        if (item.Kind == AnswerKind.Choice)
        {
            var system = canonicals.EnumSystem(item.EnumType);
            question.AnswerOption = item.Choices
                .Select(code => new Questionnaire.AnswerOptionComponent { Value = new Coding(system, code, Humanize(code)) })
                .ToList();
        }

        if (item.Range is { } range)
        {
            question.Extension.Add(new Extension(MinValue, Number(item.Kind, range.Minimum)));
            question.Extension.Add(new Extension(MaxValue, Number(item.Kind, range.Maximum)));
        }

        if (item.Unit is { } unit)
        {
            question.Extension.Add(new Extension(QuestionnaireUnit, new Coding(FhirCanonicals.Ucum, unit.Ucum, unit.Display)));
        }

        if (item.AskedWhenYes is { } controllingLinkId)
        {
            question.EnableWhen.Add(new Questionnaire.EnableWhenComponent
            {
                Question = controllingLinkId,
                Operator = Questionnaire.QuestionnaireItemOperator.Equal,
                Answer = new FhirBoolean(true),
            });
        }

        return question;
    }

    /// <summary>A standard instrument asked item by item (LOINC-coded, scored 0-3), then its total.</summary>
    private static Questionnaire.ItemComponent Panel(
        IntakeItem model, string title, string panelCode, IReadOnlyList<InstrumentItem> items, IntakeItem total, string totalCode, FhirCanonicals canonicals, string? panelLinkId = null)
    {
        var group = new Questionnaire.ItemComponent
        {
            LinkId = panelLinkId ?? model.LinkId,
            Text = title,
            Type = Questionnaire.QuestionnaireItemType.Group,
            Code = [new Coding(FhirCanonicals.Loinc, panelCode)],
        };
        foreach (var instrumentItem in items)
        {
            group.Item.Add(new Questionnaire.ItemComponent
            {
                LinkId = instrumentItem.LinkId,
                Text = instrumentItem.Text,
                Type = Questionnaire.QuestionnaireItemType.Choice,
                Code = [new Coding(FhirCanonicals.Loinc, instrumentItem.Loinc)],
                AnswerOption = InstrumentPanels.FrequencyAnswers.Select((answer, score) => new Questionnaire.AnswerOptionComponent
                {
                    Value = new Coding(FhirCanonicals.Loinc, answer.Code, answer.Display)
                    {
                        Extension = [new Extension(OrdinalValue, new FhirDecimal(score))],
                    },
                }).ToList(),
            });
        }

        var totalItem = Question(total, canonicals, totalCode);
        totalItem.Text = $"{title.Split(' ')[0]} total score (0-{total.Range!.Maximum}); left blank, it is computed from the items";
        group.Item.Add(totalItem);
        return group;
    }

    private static DataType Number(AnswerKind kind, object value) => kind == AnswerKind.DecimalNumber
        ? new FhirDecimal(Convert.ToDecimal(value, CultureInfo.InvariantCulture))
        : new Integer(Convert.ToInt32(value, CultureInfo.InvariantCulture));

    /// <summary>A group's title, from the intake model's section names (one table for the Questionnaire, the pages and the docs).</summary>
    public static string GroupTitle(IntakeItem item) => item.Title;

    /// <summary>"lack-of-efficacy" or "cssrs" as a person reads it.</summary>
    public static string Humanize(string code)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(code.Replace('-', ' '), "([a-z])([A-Z0-9])", "$1 $2").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
