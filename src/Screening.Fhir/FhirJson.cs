using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Screening.Fhir;

/// <summary>
/// FHIR JSON in and out through the Firely SDK, in one place: which parser failures mean "not a valid FHIR R4
/// resource" (their messages can quote the input, so callers answer without them).
/// </summary>
public static class FhirJson
{
    private static readonly FhirJsonSerializer Serializer = new();
    private static readonly FhirJsonDeserializer Deserializer = new();

    /// <summary>The resource, or null when the text is not a valid FHIR R4 resource in JSON.</summary>
    public static Resource? TryParse(string json)
    {
        try
        {
            return Deserializer.DeserializeResource(json);
        }
        catch (Exception exception) when (exception is DeserializationFailedException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static string Serialize(Resource resource) => Serializer.SerializeToString(resource);
}
