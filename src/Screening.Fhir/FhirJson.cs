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
            issues = [new(null, "not well-formed JSON", where)];
            return null;
        }
        catch (FormatException)
        {
            issues = [new(null, Unreadable, null)];
            return null;
        }
    }

    public static string Serialize(Resource resource) => Serializer.SerializeToString(resource);

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
