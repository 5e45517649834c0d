using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Screening.Domain.Json;

namespace Screening.Api.Validation;

/// <summary>One structural, type or range error: the path of the field in the request and what it must be.</summary>
public readonly record struct ShapeError(string Field, string Message);

/// <summary>The errors found in a request body, and whether checking stopped before its end (at the error limit, or at an array past its limit).</summary>
public sealed record ShapeErrors(IReadOnlyList<ShapeError> Errors, bool StoppedEarly);

/// <summary>
/// Checks a JSON body against the declared shape of its model in one streaming pass, before anything is
/// deserialized: syntax, depth, text that does not decode, unknown and repeated properties, types, required members,
/// enum values, number ranges, string lengths and array lengths. It reports every error, each under its path, and never
/// repeats a value that was sent. It stops at the 50th error and at an array past its limit: what follows is not looked
/// at, so a flood (half a million array elements, a hundred thousand unknown properties) costs no more than a well-formed
/// body.
/// </summary>
public static class JsonShapeChecker
{
    public const int MaxErrors = 50;
    public const string BodyField = "body";

    /// <summary>The errors in <paramref name="json"/> against <paramref name="shape"/>; null when there are none.</summary>
    public static ShapeErrors? Check(ReadOnlySpan<byte> json, JsonShape shape)
    {
        if (json.IsEmpty || json.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return Single("the request body is empty: send a JSON object");
        }

        return Walk.Run(json, shape, isWholeBody: true);
    }

    /// <summary>
    /// The errors already certain in the first part of a body still being read (an array past its limit, a wrong type,
    /// an unknown property), so that a hostile body can be refused without reading the rest; null when the part read
    /// so far shows none. Whatever follows cannot undo an error found here.
    /// </summary>
    public static ShapeErrors? CheckBeginning(ReadOnlySpan<byte> beginning, JsonShape shape) => Walk.Run(beginning, shape, isWholeBody: false);

    private static ShapeErrors Single(string message) => new([new ShapeError(BodyField, message)], false);

    /// <summary>The state of one check: the path to the current value and the errors so far.</summary>
    private sealed class Walk
    {
        // The path as a stack of property names and array indexes; turned into text only for an error.
        private readonly List<(string? Name, int Index)> _path = [];

        public List<ShapeError>? Errors { get; private set; }

        public static ShapeErrors? Run(ReadOnlySpan<byte> json, JsonShape shape, bool isWholeBody)
        {
            var walk = new Walk();
            var reader = new Utf8JsonReader(json, isWholeBody, new JsonReaderState(new JsonReaderOptions { MaxDepth = ScreeningJson.MaxDepth }));
            try
            {
                Next(ref reader);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return Single(shape.Expectation);
                }

                walk.Value(ref reader, shape);
                if (Next(ref reader))
                {
                    walk.Report(BodyField, "has more than one JSON value");
                }
            }
            catch (StopWalk)
            {
                // At the end of the beginning read so far, at the error limit, or past an array's limit: what was found stands.
                return walk.Errors is null ? null : new ShapeErrors(walk.Errors, StoppedEarly: true);
            }
            catch (JsonException syntax)
            {
                var message = reader.CurrentDepth >= ScreeningJson.MaxDepth - 1
                    ? $"is nested deeper than {ScreeningJson.MaxDepth} levels"
                    : $"is not valid JSON (line {syntax.LineNumber + 1}, byte {syntax.BytePositionInLine + 1})";
                return new ShapeErrors([.. walk.Errors ?? [], new ShapeError(BodyField, message)], false);
            }

            return walk.Errors is null ? null : new ShapeErrors(walk.Errors, false);
        }

        /// <summary>Ends the walk before the end of the body.</summary>
        private sealed class StopWalk : Exception;

        /// <summary>The next token; false at the end of a whole body; at the end of a beginning, stops the walk.</summary>
        private static bool Next(ref Utf8JsonReader reader) =>
            reader.Read() || (reader.IsFinalBlock ? false : throw new StopWalk());

        /// <summary>Skips the current value, or stops the walk when it continues past the beginning read so far.</summary>
        private static void Skip(ref Utf8JsonReader reader)
        {
            if (!reader.TrySkip())
            {
                throw new StopWalk();
            }
        }

        public void Value(ref Utf8JsonReader reader, JsonShape shape)
        {
            if (reader.TokenType == JsonTokenType.String && !Decodes(ref reader))
            {
                Report(NotText);
                return;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                if (!shape.Nullable && shape.Kind != ShapeKind.Any)
                {
                    Report(shape.Expectation);
                }

                return;
            }

            switch (shape.Kind)
            {
                case ShapeKind.Any:
                    if (!SkipDecoding(ref reader))
                    {
                        Report(HoldsNotText);
                    }

                    break;
                case ShapeKind.JsonObject:
                    Object(ref reader, shape);
                    break;
                case ShapeKind.Dictionary:
                    Dictionary(ref reader, shape);
                    break;
                case ShapeKind.Array:
                    Array(ref reader, shape);
                    break;
                default:
                    if (!IsValidScalar(ref reader, shape))
                    {
                        Report(shape.Expectation);
                    }

                    Skip(ref reader);
                    break;
            }
        }

        private void Object(ref Utf8JsonReader reader, JsonShape shape)
        {
            if (!Opens(ref reader, JsonTokenType.StartObject, shape))
            {
                return;
            }

            var properties = shape.Properties;
            var seen = ArrayPool<bool>.Shared.Rent(properties.Count);
            System.Array.Clear(seen, 0, properties.Count);
            try
            {
                var position = 0;
                while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    position++;
                    var index = Decodes(ref reader) ? IndexOf(ref reader, properties) : -1;
                    var unknownName = index < 0 && !shape.AllowsUnknownProperties ? LikelyTypo(ref reader, properties) : null;
                    Next(ref reader);
                    if (index < 0)
                    {
                        if (!shape.AllowsUnknownProperties)
                        {
                            ReportUnknown(position, unknownName, properties);
                        }

                        Skip(ref reader);
                        continue;
                    }

                    var property = properties[index];
                    _path.Add((property.Name, -1));
                    if (seen[index])
                    {
                        Report("appears more than once; each property may appear once");
                        Skip(ref reader);
                    }
                    else
                    {
                        seen[index] = true;
                        Value(ref reader, property.Shape);
                    }

                    _path.RemoveAt(_path.Count - 1);
                }

                for (var i = 0; i < properties.Count; i++)
                {
                    if (properties[i].Required && !seen[i])
                    {
                        _path.Add((properties[i].Name, -1));
                        Report("is required");
                        _path.RemoveAt(_path.Count - 1);
                    }
                }
            }
            finally
            {
                ArrayPool<bool>.Shared.Return(seen);
            }
        }

        /// <summary>Whether the value opens as the shape needs (an object, an array); if not, it is reported and skipped.</summary>
        private bool Opens(ref Utf8JsonReader reader, JsonTokenType start, JsonShape shape)
        {
            if (reader.TokenType == start)
            {
                return true;
            }

            Report(shape.Expectation);
            Skip(ref reader);
            return false;
        }

        private void Dictionary(ref Utf8JsonReader reader, JsonShape shape)
        {
            if (!Opens(ref reader, JsonTokenType.StartObject, shape))
            {
                return;
            }

            var position = 0;
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                position++;
                var nameDecodes = Decodes(ref reader);
                Next(ref reader);
                _path.Add(($"(entry {position})", -1));
                if (nameDecodes)
                {
                    Value(ref reader, shape.Element!);
                }
                else
                {
                    Report(NotText);
                    Skip(ref reader);
                }

                _path.RemoveAt(_path.Count - 1);
            }
        }

        private void Array(ref Utf8JsonReader reader, JsonShape shape)
        {
            if (!Opens(ref reader, JsonTokenType.StartArray, shape))
            {
                return;
            }

            var count = 0;
            while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == shape.MaxLength)
                {
                    // Refused as it is read; nothing after it is looked at (it could be half a million elements).
                    Report(shape.Expectation);
                    throw new StopWalk();
                }

                _path.Add((null, count));
                Value(ref reader, shape.Element!);
                _path.RemoveAt(_path.Count - 1);
                count++;
            }
        }

        private static bool IsValidScalar(ref Utf8JsonReader reader, JsonShape shape) => shape.Kind switch
        {
            ShapeKind.Text => reader.TokenType == JsonTokenType.String && (shape.MaxLength is not { } most || Length(ref reader) <= most),
            ShapeKind.WholeNumber => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var whole) && InRange(whole, shape),
            ShapeKind.Number => reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number) && InRange(number, shape),
            ShapeKind.Boolean => reader.TokenType is JsonTokenType.True or JsonTokenType.False,
            ShapeKind.Date => reader.TokenType == JsonTokenType.String && IsDate(ref reader),
            ShapeKind.Timestamp => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out _),
            ShapeKind.Enum => reader.TokenType == JsonTokenType.String && IsOneOf(ref reader, shape.Utf8EnumNames),
            _ => false,
        };

        private static bool IsOneOf(ref Utf8JsonReader reader, IReadOnlyList<byte[]> names)
        {
            foreach (var name in names)
            {
                if (reader.ValueTextEquals(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InRange(decimal value, JsonShape shape) => shape.Range is not var (min, max) || (value >= min && value <= max);

        /// <summary>The string's length in characters, decoded only when its bytes could exceed a limit.</summary>
        private static int Length(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                return Encoding.UTF8.GetCharCount(reader.ValueSpan);
            }

            var rented = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                return reader.CopyString(rented);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        private const string NotText = "is not valid text: invalid UTF-8, or half of a surrogate pair (a lone \\uD800-\\uDFFF escape)";

        /// <summary>
        /// Whether a string or property name decodes to text. The reader checks neither its UTF-8 nor its escapes while
        /// reading (a lone surrogate escape, "\uD800", is valid JSON syntax but no text); it throws on using one instead
        /// (comparing, copying, deserializing), so each is checked here, before any use.
        /// </summary>
        private static bool Decodes(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                return System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);
            }

            var rented = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                reader.CopyString(rented);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        private const string HoldsNotText = "holds text that is not valid: invalid UTF-8, or half of a surrogate pair (a lone \\uD800-\\uDFFF escape)";

        /// <summary>
        /// Moves past a value of any shape (an object or array the model does not describe: a batch item, a policy, a
        /// prefetched FHIR resource), as <see cref="Skip"/> does, and answers whether every string and property name in
        /// it decodes.
        /// </summary>
        private static bool SkipDecoding(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return true;
            }

            var depth = reader.CurrentDepth;
            var decodes = true;
            while (Next(ref reader) && !(reader.CurrentDepth == depth && reader.TokenType is (JsonTokenType.EndObject or JsonTokenType.EndArray)))
            {
                if (reader.TokenType is (JsonTokenType.String or JsonTokenType.PropertyName) && !Decodes(ref reader))
                {
                    decodes = false;
                }
            }

            return decodes;
        }

        private static bool IsDate(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.ValueSpan.Length != 10)
            {
                return false;
            }

            Span<char> text = stackalloc char[10];
            return Encoding.UTF8.GetChars(reader.ValueSpan, text) == 10
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }

        private static int IndexOf(ref Utf8JsonReader reader, IReadOnlyList<PropertyShape> properties)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                if (reader.ValueTextEquals(properties[i].Utf8Name))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The known name an unknown one is most likely a typo of, or null. The unknown name itself is never repeated (it
        /// came from the client; the error's key locates it by position instead).
        /// </summary>
        private static string? LikelyTypo(ref Utf8JsonReader reader, IReadOnlyList<PropertyShape> properties)
        {
            if (reader.ValueIsEscaped || reader.ValueSpan.Length is 0 or > 40 || reader.ValueSpan.IndexOfAnyExcept(IdentifierBytes) >= 0)
            {
                return null;
            }

            return Suggestions.Closest(Encoding.UTF8.GetString(reader.ValueSpan), properties.Select(p => p.Name));
        }

        private static readonly SearchValues<byte> IdentifierBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"u8);

        private void ReportUnknown(int position, string? typoOf, IReadOnlyList<PropertyShape> properties)
        {
            _path.Add(($"(property {position})", -1));
            Report(typoOf is { } known
                ? $"is not a property here; did you mean '{known}'?"
                : properties.Count <= 6
                    ? $"is not a property here; the properties here are: {string.Join(", ", properties.Select(p => p.Name))}"
                    : "is not a property here (see the request schema)");
            _path.RemoveAt(_path.Count - 1);
        }

        private void Report(string message) => Report(PathText(), message);

        public void Report(string field, string message)
        {
            Errors ??= [];
            Errors.Add(new ShapeError(field, message));
            if (Errors.Count == MaxErrors)
            {
                throw new StopWalk();
            }
        }

        private string PathText()
        {
            if (_path.Count == 0)
            {
                return BodyField;
            }

            var text = new StringBuilder();
            foreach (var (name, index) in _path)
            {
                if (name is null)
                {
                    text.Append('[').Append(index).Append(']');
                }
                else
                {
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(name);
                }
            }

            return text.ToString();
        }
    }
}

/// <summary>"Did you mean?": the known name closest to a misspelled one, by edit distance.</summary>
public static class Suggestions
{
    /// <summary>The closest known name within a small edit distance (a third of the name, at most 3), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        var allowed = Math.Clamp(name.Length / 3, 1, 3);
        return known
            .Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= allowed)
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
