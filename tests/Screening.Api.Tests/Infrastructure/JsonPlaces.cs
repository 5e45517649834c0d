using System.Globalization;
using System.Text.Json.Nodes;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>Every element of a JSON document by its path, and the document with one element replaced by any JSON text (also text no serializer writes: "\ud800").</summary>
public static class JsonPlaces
{
    private const string Placeholder = "@@replaced@@";

    /// <summary>The path (property names and array indexes) of every element below the root.</summary>
    public static string[][] Of(string json) => [.. PlacesOf(JsonNode.Parse(json)!, [])];

    public static string WithValue(string json, string[] place, string value)
    {
        var root = JsonNode.Parse(json)!;
        var parent = root;
        foreach (var segment in place[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(segment, CultureInfo.InvariantCulture)]! : parent[segment]!;
        }

        if (parent is JsonArray list)
        {
            list[int.Parse(place[^1], CultureInfo.InvariantCulture)] = Placeholder;
        }
        else
        {
            parent[place[^1]] = Placeholder;
        }

        return root.ToJsonString().Replace($"\"{Placeholder}\"", value, StringComparison.Ordinal);
    }

    private static IEnumerable<string[]> PlacesOf(JsonNode node, string[] path)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => (p.Key, p.Value)),
            JsonArray array => array.Select((item, index) => (index.ToString(CultureInfo.InvariantCulture), item)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            string[] place = [.. path, key];
            yield return place;
            if (child is not null)
            {
                foreach (var nested in PlacesOf(child, place))
                {
                    yield return nested;
                }
            }
        }
    }
}
