using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Screening.Domain.Intake;
using Screening.Domain.Json;

namespace Screening.Fhir;

/// <summary>The kind of answer an intake field takes, as the Questionnaire asks it.</summary>
public enum AnswerKind
{
    Group,
    RepeatingGroup,
    Boolean,
    Choice,
    WholeNumber,
    DecimalNumber,
    Date,
    Text,
}

/// <summary>
/// One field of the intake model seen as a Questionnaire item: its linkId (the field's JSON path, e.g.
/// <c>vitals.systolicMmHg</c>; trial fields as <c>treatmentTrials.drug</c>), its kind, and the model metadata that
/// drives the item (question, range, unit, choices, the question it depends on). Both the Questionnaire and the
/// QuestionnaireResponse mapping read this one list.
/// </summary>
public sealed record IntakeItem(
    string LinkId,
    string Name,
    AnswerKind Kind,
    PropertyInfo Property,
    IReadOnlyList<IntakeItem> Children)
{
    public string? Question => Property.GetCustomAttribute<QuestionAttribute>()?.Text;

    /// <summary>How the item is titled on a form: a section's title (<see cref="SectionAttribute"/>), else its question.</summary>
    public string Title => Property.GetCustomAttribute<SectionAttribute>()?.Title ?? Question ?? Name;

    public RangeAttribute? Range => Property.GetCustomAttribute<RangeAttribute>();

    public UnitAttribute? Unit => Property.GetCustomAttribute<UnitAttribute>();

    public int? MaxLength => Property.GetCustomAttribute<MaxLengthAttribute>()?.Length;

    public bool Required => Property.IsDefined(typeof(RequiredMemberAttribute));

    /// <summary>
    /// For a list that may be answered "none" (<see cref="NoneOptionAttribute"/>): the linkId of the yes/no item a form
    /// asks it with, since an empty repeating group cannot be told from an unanswered one.
    /// </summary>
    public string? NoneLinkId => Property.GetCustomAttribute<NoneOptionAttribute>() is null ? null : LinkId + "None";

    /// <summary>The text of the "none" item.</summary>
    public string? NoneText => Property.GetCustomAttribute<NoneOptionAttribute>()?.Text;

    /// <summary>The linkId of the boolean item this one is asked after ("yes"), if any.</summary>
    public string? AskedWhenYes { get; init; }

    public Type EnumType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    /// <summary>The answer choices of a choice item (the enum's JSON values; "unknown" is not a choice but leaving it blank).</summary>
    public IReadOnlyList<string> Choices => Kind == AnswerKind.Choice
        ? ScreeningJson.NamesOf(EnumType).Where(name => name != "unknown").ToArray()
        : [];

    /// <summary>Every item of the intake model, in order, as a tree.</summary>
    public static IReadOnlyList<IntakeItem> All { get; } = ItemsOf(typeof(ScreeningRequest), string.Empty);

    /// <summary>Every question item by linkId (groups excluded).</summary>
    public static IReadOnlyDictionary<string, IntakeItem> Questions { get; } = Flatten(All)
        .Where(i => i.Kind is not (AnswerKind.Group or AnswerKind.RepeatingGroup))
        .ToDictionary(i => i.LinkId, StringComparer.Ordinal);

    /// <summary>Every repeating group (treatment trials, blood-pressure readings) by linkId.</summary>
    public static IReadOnlyDictionary<string, IntakeItem> RepeatingGroups { get; } = Flatten(All)
        .Where(i => i.Kind == AnswerKind.RepeatingGroup)
        .ToDictionary(i => i.LinkId, StringComparer.Ordinal);

    public static IEnumerable<IntakeItem> Flatten(IEnumerable<IntakeItem> items) =>
        items.SelectMany(i => new[] { i }.Concat(Flatten(i.Children)));

    /// <summary>The repeating group an item belongs to (its linkId starts with the group's), or null for an item outside any.</summary>
    public static IntakeItem? RepeatingGroupOf(string linkId) =>
        RepeatingGroups.Values.FirstOrDefault(g => linkId.StartsWith(g.LinkId + ".", StringComparison.Ordinal));

    private static IntakeItem[] ItemsOf(Type type, string prefix) => type.GetProperties()
        .Select(property =>
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var linkId = prefix + name;
            var askedWhen = property.GetCustomAttribute<AskedWhenYesAttribute>() is { } when
                ? prefix + JsonNamingPolicy.CamelCase.ConvertName(when.SiblingProperty)
                : null;
            var kind = KindOf(property.PropertyType);
            var children = kind switch
            {
                AnswerKind.Group => ItemsOf(property.PropertyType, linkId + "."),
                AnswerKind.RepeatingGroup => ItemsOf(property.PropertyType.GetGenericArguments()[0], linkId + "."),
                _ => [],
            };
            return new IntakeItem(linkId, name, kind, property, children) { AskedWhenYes = askedWhen };
        })
        .ToArray();

    private static AnswerKind KindOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(Answer) => AnswerKind.Boolean,
            { IsEnum: true } => AnswerKind.Choice,
            _ when underlying == typeof(int) => AnswerKind.WholeNumber,
            _ when underlying == typeof(decimal) => AnswerKind.DecimalNumber,
            _ when underlying == typeof(DateOnly) => AnswerKind.Date,
            _ when underlying == typeof(string) => AnswerKind.Text,
            { IsGenericType: true } => AnswerKind.RepeatingGroup,
            _ => AnswerKind.Group,
        };
    }
}
