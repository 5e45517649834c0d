using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Screening.Api.Validation;

/// <summary>
/// Turns the JSON path of a deserialization error into the field to name and what that field expects, from the
/// intake model alone. A path segment the model does not know (an unknown property, whose name came from the client)
/// is never repeated: the error names the nearest known parent instead.
/// </summary>
public static partial class JsonErrorDescriber
{
    public const string BodyField = "body";

    public static (string Field, string Message) Describe(string? jsonPath, Type rootType)
    {
        var known = new List<string>();
        var type = rootType;
        PropertyInfo? property = null;

        foreach (Match segment in Segments().Matches(jsonPath ?? string.Empty))
        {
            if (segment.Groups["index"].Success)
            {
                if (ElementType(type) is not { } element)
                {
                    break;
                }

                type = element;
                property = null;
                known[^1] += $"[{segment.Groups["index"].Value}]";
                continue;
            }

            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var match = type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
            if (match is null)
            {
                return (Field(known), "contains a property that is not part of the request schema");
            }

            known.Add(name);
            property = match;
            type = match.PropertyType;
        }

        return (Field(known), Expectation(type, property));
    }

    private static string Field(List<string> known) => known.Count == 0 ? BodyField : string.Join('.', known);

    private static string Expectation(Type type, PropertyInfo? property)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var range = property?.GetCustomAttribute<RangeAttribute>() is { } r ? $" from {r.Minimum} to {r.Maximum}" : string.Empty;
        var maxLength = property?.GetCustomAttribute<MaxLengthAttribute>()?.Length;

        if (underlying == typeof(int))
        {
            return "must be a whole number" + range;
        }

        if (underlying == typeof(decimal))
        {
            return "must be a number" + range;
        }

        if (underlying == typeof(DateOnly))
        {
            return "must be a date (YYYY-MM-DD)";
        }

        if (underlying == typeof(string))
        {
            return maxLength is { } length ? $"must be a string of at most {length} characters" : "must be a string";
        }

        if (underlying.IsEnum)
        {
            return "must be one of: " + string.Join(", ", EnumValues(underlying));
        }

        if (ElementType(underlying) is not null)
        {
            return maxLength is { } items ? $"must be an array of at most {items} items" : "must be an array";
        }

        var required = underlying.GetProperties()
            .Where(p => p.IsDefined(typeof(RequiredMemberAttribute)))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToArray();
        return required.Length > 0
            ? $"must be a JSON object with {string.Join(", ", required)}"
            : "must be a JSON object";
    }

    /// <summary>The JSON names of an enum's values, as the serializer writes them.</summary>
    public static IEnumerable<string> EnumValues(Type enumType) => Domain.Json.ScreeningJson.NamesOf(enumType);

    private static Type? ElementType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;

    // $.patient.dateOfBirth, $.treatmentTrials[0].drug, $['odd name']
    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\[(?<index>\d+)\]|\['(?<quoted>(?:[^'\\]|\\.)*)'\]")]
    private static partial Regex Segments();
}
