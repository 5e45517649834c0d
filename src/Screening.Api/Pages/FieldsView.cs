using System.Globalization;
using Screening.Fhir;

namespace Screening.Api.Pages;

/// <summary>A run of intake items to render (a group's children; a repeating group's children at one row).</summary>
public sealed record FieldsView(IntakeForm Form, IReadOnlyList<IntakeItem> Items, int? Row)
{
    public static string Label(IntakeItem item) => item.Question ?? item.Title;

    public static string GroupTitle(IntakeItem item) => QuestionnaireBuilder.GroupTitle(item);

    public static string RowNoun(IntakeItem group) => group.Name == "bloodPressureReadings" ? "a blood-pressure reading" : "a treatment trial";

    public static string RowTitle(IntakeItem group, int row) =>
        (group.Name == "bloodPressureReadings" ? "Blood-pressure reading " : "Treatment trial ") + (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Range and unit in words, e.g. "A whole number from 0 to 27." or "In mmHg, from 40 to 300."; a date's format.</summary>
    public static string? Hint(IntakeItem item)
    {
        var unit = item.Unit is { } u ? $"In {u.Display}" : null;
        var range = item.Range is { } r ? $"from {Number(r.Minimum)} to {Number(r.Maximum)}" : null;
        return (item.Kind, unit, range) switch
        {
            (AnswerKind.Date, _, _) => "A date as year-month-day, e.g. 2026-03-31.",
            (_, null, null) => null,
            (AnswerKind.WholeNumber, null, { } only) => $"A whole number {only}.",
            (AnswerKind.DecimalNumber, null, { } only) => $"A number {only}.",
            (_, { } inUnit, null) => inUnit + ".",
            (_, { } inUnit, { } both) => $"{inUnit}, {both}.",
            _ => null,
        };
    }

    /// <summary>
    /// Numbers and dates are typed as text, so what was typed is kept and the service says what is wrong with it (and
    /// dates read in ISO order whatever the browser's locale).
    /// </summary>
    public static string InputType(IntakeItem item) => "text";

    public static string? InputMode(IntakeItem item) => item.Kind switch
    {
        AnswerKind.WholeNumber => "numeric",
        AnswerKind.DecimalNumber => "decimal",
        _ => null,
    };

    public static string? Width(IntakeItem item) => item.Kind is AnswerKind.WholeNumber or AnswerKind.DecimalNumber or AnswerKind.Date ? "narrow" : null;

    private static string Number(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>A yes/no/unknown question: a radio group whose "Unknown" is the default.</summary>
public sealed record YesNoView(string Name, string Label, string? Value, string? AskedWhen)
{
    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool? Missing { get; init; }
}
