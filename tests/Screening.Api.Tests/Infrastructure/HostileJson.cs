using System.Text;
using CsCheck;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>
/// Hostile variants of a valid JSON document, for the FHIR and CDS Hooks properties: one element replaced by a value it
/// cannot take, bytes that are not UTF-8 at some place, or the document cut short.
/// </summary>
public static class HostileJson
{
    /// <summary>JSON text put in place of an element.</summary>
    private static readonly string[] Values =
    [
        "null", "[]", "{}", "[[]]", "[null]", "[1]", "1e300", "-1", "0.5", "true", "\"\"", "\"\\ud800\"", "\"a\\udc00b\"",
        "\"9999-12-31\"", "\"0001-01-01\"", "\"" + new string('x', 70_000) + "\"", """{"resourceType":"Patient"}""",
        """{"resourceType":[]}""", """[{"resourceType":"Bundle"}]""", """{"extension":[[]]}""", """{"url":[],"valueString":1}""",
    ];

    private static readonly byte[][] BadSequences = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]];

    /// <summary>Variants of <paramref name="json"/>, each with what was done to it.</summary>
    public static Gen<(string Kind, byte[] Body)> VariantsOf(string json)
    {
        var places = JsonPlaces.Of(json);
        return Gen.Frequency(
            (6, Gen.Select(Gen.Int[0, places.Length - 1], Gen.Int[0, Values.Length - 1], (p, v) =>
                ($"{string.Join('.', places[p])} = {Values[v][..Math.Min(24, Values[v].Length)]}", Encoding.UTF8.GetBytes(JsonPlaces.WithValue(json, places[p], Values[v]))))),
            (1, Gen.Select(Gen.Int[0, json.Length - 1], Gen.Int[0, BadSequences.Length - 1], (at, s) =>
                ($"bad bytes at {at}", (byte[])[.. Encoding.UTF8.GetBytes(json[..at]), .. BadSequences[s], .. Encoding.UTF8.GetBytes(json[at..])]))),
            (1, Gen.Int[0, json.Length - 1].Select(n => ($"cut at {n}", Encoding.UTF8.GetBytes(json[..n])))));
    }
}
