using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Fhir;

namespace Screening.Api.Pages;

/// <summary>
/// The intake form's answers as typed, keyed by the field's path in the request (<c>vitals.systolicMmHg</c>,
/// <c>treatmentTrials[1].drug</c>): the same paths the validation errors and the missing-information list use, so an
/// error or a missing answer lands next to its field. The fields themselves come from the intake model
/// (<see cref="IntakeItem"/>), as the FHIR Questionnaire's do. A blank answer, and "Unknown", are left out of the
/// request: unknown, never "no".
/// </summary>
public sealed class IntakeForm
{
    /// <summary>The form value of "Unknown" for a yes/no question, and of a choice left unanswered.</summary>
    public const string Unknown = "";

    /// <summary>What the form reader puts in place of bytes that are not UTF-8.</summary>
    private const char NotUtf8 = '\uFFFD';

    private const string NotUtf8Message = "Not readable as UTF-8 text: send the form as UTF-8.";

    /// <summary>The name of the hidden field that carries how many rows a repeating group shows.</summary>
    public static string RowsField(IntakeItem group) => "rows:" + group.LinkId;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows shown per repeating group (treatment trials, blood-pressure readings).</summary>
    public Dictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>Validation errors by path.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Missing answers of the decision being followed, by path: true when blocking (ask now).</summary>
    public Dictionary<string, bool> Missing { get; } = new(StringComparer.Ordinal);

    public string? Value(string name) => Values.GetValueOrDefault(name);

    /// <summary>Rows a repeating group shows: as posted or stored; a new form offers one empty treatment trial (a list that may be answered "none") and no extra blood-pressure readings.</summary>
    public int RowsOf(IntakeItem group) => Rows.GetValueOrDefault(group.LinkId, group.NoneLinkId is null ? 0 : 1);

    /// <summary>The form field name of an item: its path, with the row index inside a repeating group.</summary>
    public static string NameOf(IntakeItem item, int? row = null) =>
        IntakeItem.RepeatingGroupOf(item.LinkId) is { } group && row is { } index
            ? $"{group.LinkId}[{index}]{item.LinkId[group.LinkId.Length..]}"
            : item.LinkId;

    /// <summary>The HTML id of a field name (letters, digits and hyphens).</summary>
    public static string IdOf(string name) => "f-" + name.Replace('.', '-').Replace("[", "-", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);

    /// <summary>The answers of a posted form, as typed.</summary>
    public static IntakeForm FromPost(IFormCollection form)
    {
        var intake = new IntakeForm();
        foreach (var group in IntakeItem.RepeatingGroups.Values)
        {
            var rows = int.TryParse(form[RowsField(group)], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
            intake.Rows[group.LinkId] = Math.Clamp(rows, 0, group.MaxLength ?? 30);
        }

        foreach (var (name, value) in form)
        {
            if (IsIntakeName(name) && value.Count == 1 && value[0] is { } text)
            {
                intake.Values[name] = text.Trim();

                // The form reader replaces bytes that are not UTF-8 with U+FFFD; screening the replaced text would
                // decide on answers nobody gave (the JSON API refuses such a body for the same reason).
                if (text.Contains(NotUtf8, StringComparison.Ordinal))
                {
                    intake.Errors[name] = [NotUtf8Message];
                }
            }
        }

        return intake;
    }

    /// <summary>The answers of a stored request, to answer again what was missing.</summary>
    public static IntakeForm FromRequest(byte[] requestJson)
    {
        var intake = new IntakeForm();
        using var document = JsonDocument.Parse(requestJson);
        intake.Read(document.RootElement, IntakeItem.All, null);
        return intake;
    }

    /// <summary>Marks the missing answers of a result (blocking ones as "ask now").</summary>
    public void MarkMissing(ScreeningResult result)
    {
        foreach (var missing in result.MissingInformation)
        {
            Missing[missing.Field] = missing.Blocking || Missing.GetValueOrDefault(missing.Field);
        }
    }

    /// <summary>Errors for a field name, including those keyed by the field's path inside a nested value.</summary>
    public IReadOnlyList<string> ErrorsOf(string name) => Errors.GetValueOrDefault(name) ?? [];

    /// <summary>True when the missing-information list names this field (or group), with whether it is blocking.</summary>
    public bool? MissingOf(string name) => Missing.TryGetValue(name, out var blocking) ? blocking : null;

    /// <summary>Adds or removes a row of a repeating group ("add:treatmentTrials", "remove:treatmentTrials[1]").</summary>
    public bool ApplyRowAction(string? action)
    {
        if (action is null)
        {
            return false;
        }

        if (action.StartsWith("add:", StringComparison.Ordinal) && IntakeItem.RepeatingGroups.TryGetValue(action[4..], out var added))
        {
            Rows[added.LinkId] = Math.Min(RowsOf(added) + 1, added.MaxLength ?? 30);
            return true;
        }

        // "remove:<group>[<row>]" only: the action is posted text, and "remove:treatmentTrials[" has no row to read.
        if (action.StartsWith("remove:", StringComparison.Ordinal) && action.EndsWith(']') && action.IndexOf('[') is var open and > 0
            && IntakeItem.RepeatingGroups.TryGetValue(action[7..open], out var group)
            && int.TryParse(action.AsSpan(open + 1, action.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var removed))
        {
            var rows = RowsOf(group);
            for (var row = removed; row < rows; row++)
            {
                foreach (var child in group.Children)
                {
                    var to = NameOf(child, row);
                    if (Values.TryGetValue(NameOf(child, row + 1), out var next))
                    {
                        Values[to] = next;
                    }
                    else
                    {
                        Values.Remove(to);
                    }
                }
            }

            Rows[group.LinkId] = Math.Max(rows - 1, 0);
            return true;
        }

        return false;
    }

    /// <summary>The request body these answers make: blank and "Unknown" answers left out, numbers as numbers when they read as one.</summary>
    public byte[] ToJson()
    {
        var root = new JsonObject();
        Write(root, IntakeItem.All, null);
        return JsonSerializer.SerializeToUtf8Bytes(root, ScreeningJson.Options);
    }

    private void Write(JsonObject target, IReadOnlyList<IntakeItem> items, int? row)
    {
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case AnswerKind.Group:
                    var group = new JsonObject();
                    Write(group, item.Children, row);
                    if (group.Count > 0)
                    {
                        target[item.Name] = group;
                    }

                    break;
                case AnswerKind.RepeatingGroup:
                    var array = new JsonArray();
                    for (var index = 0; index < RowsOf(item); index++)
                    {
                        var entry = new JsonObject();
                        Write(entry, item.Children, index);
                        if (entry.Count > 0)
                        {
                            array.Add(entry);
                        }
                    }

                    if (array.Count > 0 || (item.NoneLinkId is { } none && Value(none) == "yes"))
                    {
                        target[item.Name] = array;
                    }

                    break;
                default:
                    if (AnswerNode(item, Value(NameOf(item, row))) is { } node)
                    {
                        target[item.Name] = node;
                    }

                    break;
            }
        }
    }

    private static JsonValue? AnswerNode(IntakeItem item, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == Unknown || (item.Kind == AnswerKind.Boolean && text == "unknown"))
        {
            return null;
        }

        // A number that does not read as one is sent as typed: the validation names the field and says what it must be.
        return item.Kind switch
        {
            AnswerKind.WholeNumber when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            AnswerKind.DecimalNumber when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }

    private void Read(JsonElement source, IReadOnlyList<IntakeItem> items, int? row)
    {
        if (source.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var item in items)
        {
            if (!source.TryGetProperty(item.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (item.Kind)
            {
                case AnswerKind.Group:
                    Read(value, item.Children, row);
                    break;
                case AnswerKind.RepeatingGroup when value.ValueKind == JsonValueKind.Array:
                    Rows[item.LinkId] = value.GetArrayLength();
                    if (value.GetArrayLength() == 0 && item.NoneLinkId is { } none)
                    {
                        Values[none] = "yes";
                    }

                    var index = 0;
                    foreach (var entry in value.EnumerateArray())
                    {
                        Read(entry, item.Children, index++);
                    }

                    break;
                default:
                    Values[NameOf(item, row)] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    break;
            }
        }
    }

    private static bool IsIntakeName(string name)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(name, @"\[\d{1,3}\]", string.Empty);
        return IntakeItem.Questions.ContainsKey(plain) || IntakeItem.RepeatingGroups.Values.Any(g => g.NoneLinkId == plain);
    }
}
