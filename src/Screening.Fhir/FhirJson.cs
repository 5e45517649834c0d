using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;

namespace Screening.Fhir;

/// <summary>
/// One reason a text is not a valid FHIR R4 resource: what (the parser's short name for it, e.g. "Invalid literal"),
/// where in the text (e.g. "near line 1, position 137") and, when one can be given, its FHIRPath.
/// </summary>
public sealed record FhirParseIssue(string? Expression, string Problem, string? Location)
{
    /// <summary>The issue as one sentence, for an OperationOutcome's diagnostics.</summary>
    public string Message => $"Not a valid FHIR R4 resource: {Problem}{(Location is null ? "" : " " + Location)}";
}

/// <summary>
/// FHIR JSON in and out through the Firely SDK, in one place: which parser failures mean "not a valid FHIR R4
/// resource", and how to say where without quoting the input (the parser's own messages can: "string '1980-13-45' is
/// not a correct literal for a date").
/// </summary>
public static class FhirJson
{
    private const int MaxIssues = 20;
    private const string Unreadable = "unreadable";
    private static readonly FhirJsonSerializer Serializer = new();
    private static readonly FhirJsonDeserializer Deserializer = new();

    /// <summary>The resource, or null when the text is not a valid FHIR R4 resource in JSON.</summary>
    public static Resource? TryParse(string json) => TryParse(json, out _);

    /// <summary>The resource, or null and why not: each problem's short name from the parser, its line and position, and its FHIRPath.</summary>
    public static Resource? TryParse(string json, out IReadOnlyList<FhirParseIssue> issues)
    {
        try
        {
            issues = [];
            return Deserializer.DeserializeResource(json);
        }
        catch (DeserializationFailedException exception)
        {
            issues = Describe(exception);
            return null;
        }
        catch (System.Text.Json.JsonException exception)
        {
            // The reader's line is counted from 0, its position in bytes from 0.
            var where = exception.LineNumber is { } line ? $"at line {line + 1}, position {exception.BytePositionInLine + 1}" : null;
            issues = [new(null, NestedTooDeeply(json) ? $"nested more than {ParserMaxDepth} levels deep" : "not well-formed JSON", where)];
            return null;
        }
        catch (InvalidOperationException) when (WhyUnreadable(json) is { } issue)
        {
            // JSON the parser cannot read as a resource, yet throws on without a line or position.
            issues = [issue];
            return null;
        }
        catch (FormatException)
        {
            issues = [new(null, Unreadable, null)];
            return null;
        }
    }

    public static string Serialize(Resource resource) => Serializer.SerializeToString(resource);

    /// <summary>
    /// The text of a body, or null and the offset of its first invalid byte sequence when it is not UTF-8. Decoding with
    /// replacement characters instead would change what was sent (a drug name no longer matching its vocabulary).
    /// </summary>
    public static string? DecodeUtf8(ReadOnlySpan<byte> bytes, out int invalidAt)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            invalidAt = -1;
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        // Only for the answer: decoding stops where the first invalid sequence starts.
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out invalidAt, out _, replaceInvalidSequences: false);
        return null;
    }

    // System.Text.Json's default, which the Firely parser keeps: deeper JSON is refused as if it were not well formed.
    private const int ParserMaxDepth = 64;

    // For finding out, after the parser has thrown, why: deep enough to read past the parser's limit.
    private static readonly System.Text.Json.JsonReaderOptions DiagnosisReaderOptions = new() { MaxDepth = 1024 };

    /// <summary>Whether the text, read as JSON without the parser's depth limit, nests deeper than that limit.</summary>
    private static bool NestedTooDeeply(string json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), DiagnosisReaderOptions);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= ParserMaxDepth)
                {
                    return true;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not well formed before it got that deep: "not well-formed JSON" is the right answer.
        }

        return false;
    }

    /// <summary>
    /// Why well-formed JSON made the parser throw, located by line and position, or null when neither known reason
    /// holds: a value that is not an object (an array), or a string or property name that does not decode to text (a
    /// lone surrogate escape, "\uD800": valid JSON syntax, yet no text).
    /// </summary>
    private static FhirParseIssue? WhyUnreadable(string json)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new System.Text.Json.Utf8JsonReader(utf8, DiagnosisReaderOptions);
        static string Near(byte[] utf8, long tokenStart)
        {
            var before = utf8.AsSpan(0, (int)tokenStart);
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            return $"near line {before.Count((byte)'\n') + 1}, position {System.Text.Encoding.UTF8.GetCharCount(before[lineStart..]) + 1}";
        }

        try
        {
            if (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return new(null, "not a JSON object (a FHIR resource is one)", Near(utf8, reader.TokenStartIndex));
            }

            while (reader.Read())
            {
                if (reader.TokenType is (System.Text.Json.JsonTokenType.String or System.Text.Json.JsonTokenType.PropertyName) && reader.ValueIsEscaped)
                {
                    try
                    {
                        reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return new(null, "a string that is not text (half of a surrogate pair: a lone \\uD800-\\uDFFF escape)", Near(utf8, reader.TokenStartIndex));
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not well-formed past a point: the parser's own failure was something else.
        }

        return null;
    }

    private static List<FhirParseIssue> Describe(DeserializationFailedException exception)
    {
        var problems = exception.Exceptions.OfType<ExtendedCodedException>().ToList();

        // A path is the client's text from an unknown element on (its name, and whatever is inside it), and wholly so
        // when the resource type itself is unknown: those issues are located by line and position only.
        var root = exception.PartialResult is Resource and not DynamicResource ? exception.PartialResult.TypeName : null;
        var unknown = problems.Where(p => p.ErrorCode == CodedValidationException.UNKNOWN_ELEMENT_CODE && p.InstancePath is not null)
            .Select(p => p.InstancePath!).ToList();
        string? Expression(string? path) => path switch
        {
            _ when root is null || path is null => null,
            "$this" => root,
            _ when path.StartsWith("$this.", StringComparison.Ordinal) => Expression(root + path["$this".Length..]),
            _ when !path.StartsWith(root, StringComparison.Ordinal) => null,
            _ when unknown.Any(u => path == u || path.StartsWith(u + ".", StringComparison.Ordinal) || path.StartsWith(u + "[", StringComparison.Ordinal)) => null,
            _ => path,
        };

        var issues = problems.Take(MaxIssues)
            .Select(p => new FhirParseIssue(Expression(p.InstancePath), p.Display ?? p.ErrorCode, $"near line {p.LineNumber}, position {p.Position}"))
            .ToList();
        return issues.Count > 0 ? issues : [new(null, Unreadable, null)];
    }
}
