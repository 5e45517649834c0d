using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Screening.Domain.Json;

namespace Screening.Api.Validation;

/// <summary>What a JSON value of a model property must be.</summary>
public enum ShapeKind
{
    JsonObject,
    Dictionary,
    Array,
    Text,
    WholeNumber,
    Number,
    Boolean,
    Date,

    /// <summary>An ISO 8601 date and time.</summary>
    Timestamp,
    Enum,

    /// <summary>Any JSON (a batch item, a FHIR resource, a policy): only its text is checked here (it must decode); the rest later, on its own.</summary>
    Any,
}

/// <summary>A property of an object shape: its JSON name (also as UTF-8, to compare without decoding) and its shape.</summary>
public sealed record PropertyShape(string Name, byte[] Utf8Name, JsonShape Shape, bool Required);

/// <summary>
/// The declared shape of a request model, read once from its types and attributes: kinds, nullability, required
/// members, enum values, and the limits of <see cref="RangeAttribute"/> and <see cref="MaxLengthAttribute"/>. The same
/// attributes drive the OpenAPI schema and the FHIR Questionnaire, so a limit is declared once.
/// </summary>
public sealed class JsonShape
{
    private static readonly ConcurrentDictionary<Type, JsonShape> Objects = new();

    private JsonShape(ShapeKind kind) => Kind = kind;

    public ShapeKind Kind { get; }

    /// <summary>JSON null is allowed (a nullable value or reference).</summary>
    public bool Nullable { get; private init; }

    /// <summary>For objects: the members, in declaration order.</summary>
    public IReadOnlyList<PropertyShape> Properties { get; private set; } = [];

    /// <summary>For objects: members the model does not declare are skipped rather than refused (CDS Hooks extensions).</summary>
    public bool AllowsUnknownProperties { get; private set; }

    /// <summary>For arrays and dictionaries: the shape of each element.</summary>
    public JsonShape? Element { get; private init; }

    /// <summary>For arrays: the most elements allowed; for strings: the most characters.</summary>
    public int? MaxLength { get; private init; }

    /// <summary>For numbers: the declared range.</summary>
    public (decimal Min, decimal Max)? Range { get; private init; }

    /// <summary>For enums: the values as the contract writes them, and as UTF-8.</summary>
    public IReadOnlyList<string> EnumNames { get; private init; } = [];

    public IReadOnlyList<byte[]> Utf8EnumNames { get; private init; } = [];

    /// <summary>What a value of this shape must be, in words: the message of a type or range error.</summary>
    public string Expectation { get; private set; } = string.Empty;

    /// <summary>The shape of a model type (cached).</summary>
    public static JsonShape Of(Type type) => ObjectShape(type, nullable: false);

    private static JsonShape ObjectShape(Type type, bool nullable)
    {
        var shared = Objects.GetOrAdd(type, static t =>
        {
            // Registered before its members are read, so a type that contains itself would end, not loop.
            var shape = new JsonShape(ShapeKind.JsonObject);
            Objects[t] = shape;
            shape.AllowsUnknownProperties = t.GetCustomAttribute<JsonUnmappedMemberHandlingAttribute>()?.UnmappedMemberHandling == JsonUnmappedMemberHandling.Skip;
            shape.Properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p =>
                {
                    var name = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);
                    return new PropertyShape(name, Encoding.UTF8.GetBytes(name), OfProperty(p), p.IsDefined(typeof(RequiredMemberAttribute)));
                })
                .ToArray();
            var required = shape.Properties.Where(p => p.Required).Select(p => p.Name).ToArray();
            shape.Expectation = required.Length > 0 ? $"must be a JSON object with {string.Join(", ", required)}" : "must be a JSON object";
            return shape;
        });
        return nullable ? shared.AsNullable() : shared;
    }

    private JsonShape AsNullable() => Nullable ? this : new JsonShape(Kind)
    {
        Nullable = true,
        Properties = Properties,
        AllowsUnknownProperties = AllowsUnknownProperties,
        Element = Element,
        MaxLength = MaxLength,
        Range = Range,
        EnumNames = EnumNames,
        Utf8EnumNames = Utf8EnumNames,
        Expectation = Expectation,
    };

    private static readonly NullabilityInfoContext Nullability = new();

    private static JsonShape OfProperty(PropertyInfo property)
    {
        var nullable = System.Nullable.GetUnderlyingType(property.PropertyType) is not null
            || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);
        return OfType(property.PropertyType, nullable, property.GetCustomAttribute<RangeAttribute>(), property.GetCustomAttribute<MaxLengthAttribute>()?.Length);
    }

    private static JsonShape OfType(Type declared, bool nullable, RangeAttribute? range, int? maxLength)
    {
        var type = System.Nullable.GetUnderlyingType(declared) ?? declared;
        (decimal, decimal)? limits = range is null ? null : (Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture), Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture));
        var between = range is null ? string.Empty : $" from {range.Minimum} to {range.Maximum}";

        if (type == typeof(string))
        {
            return new(ShapeKind.Text) { Nullable = nullable, MaxLength = maxLength, Expectation = maxLength is { } most ? $"must be a string of at most {most} characters" : "must be a string" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new(ShapeKind.WholeNumber) { Nullable = nullable, Range = limits, Expectation = "must be a whole number" + between };
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return new(ShapeKind.Number) { Nullable = nullable, Range = limits, Expectation = "must be a number" + between };
        }

        if (type == typeof(bool))
        {
            return new(ShapeKind.Boolean) { Nullable = nullable, Expectation = "must be true or false" };
        }

        if (type == typeof(DateOnly))
        {
            return new(ShapeKind.Date) { Nullable = nullable, Expectation = "must be a date (YYYY-MM-DD)" };
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return new(ShapeKind.Timestamp) { Nullable = nullable, Expectation = "must be a date and time (ISO 8601, e.g. 2026-11-27T10:00:00Z)" };
        }

        if (type.IsEnum)
        {
            var names = ScreeningJson.NamesOf(type).ToArray();
            return new(ShapeKind.Enum) { Nullable = nullable, EnumNames = names, Utf8EnumNames = names.Select(Encoding.UTF8.GetBytes).ToArray(), Expectation = "must be one of: " + string.Join(", ", names) };
        }

        if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return new(ShapeKind.Any) { Nullable = nullable };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>)))
        {
            return new(ShapeKind.Dictionary) { Nullable = nullable, Element = OfType(type.GetGenericArguments()[1], true, null, null), Expectation = "must be a JSON object" };
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            return new(ShapeKind.Array)
            {
                Nullable = nullable,
                MaxLength = maxLength,
                Element = OfType(element, false, null, null),
                Expectation = maxLength is { } most ? $"must be an array of at most {most} items" : "must be an array",
            };
        }

        return ObjectShape(type, nullable);
    }
}
