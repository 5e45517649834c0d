using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Domain.Json;

/// <summary>
/// The one JSON contract of the service, for requests, responses, the ruleset hash and the tests: camelCase names,
/// kebab-case enum values, and strict reading (no unknown or duplicate members, no numbers from strings, depth 32).
/// </summary>
public static class ScreeningJson
{
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = MaxDepth;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Responses are application/json, never embedded in HTML: write clinical text as it reads ("> 140 mmHg",
        // "patient's", "≥", "§") rather than \u003E and \u0027. Quotes, backslashes and control characters are still
        // escaped, as JSON requires. (The pages render results through Razor, which encodes for HTML.)
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }

    private static readonly ConcurrentDictionary<Enum, string> EnumNames = new();

    /// <summary>
    /// An enum value as the contract writes it (e.g. <c>lack-of-efficacy</c>, <c>E1</c>): for text in reasons, so an
    /// explanation names a value exactly as the request and response do.
    /// </summary>
    public static string NameOf(Enum value) => EnumNames.GetOrAdd(value, static v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    /// <summary>Every value of an enum type as the contract writes it, in declaration order.</summary>
    public static IEnumerable<string> NamesOf(Type enumType) => Enum.GetValues(enumType).Cast<Enum>().Select(NameOf);
}
