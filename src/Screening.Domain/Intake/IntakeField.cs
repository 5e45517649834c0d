using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Screening.Domain.Intake;

/// <summary>
/// A field of the intake model: its JSON path in the request (e.g. <c>vitals.systolicMmHg</c>) and the question that
/// asks for it, read from the model's <see cref="QuestionAttribute"/>.
/// </summary>
public sealed record IntakeField(string Path, string Question)
{
    /// <summary>Why an answer that was given still counts as missing (e.g. a blood pressure older than 30 days).</summary>
    public string? Note { get; init; }

    /// <summary>The same field, missing for the reason given.</summary>
    public IntakeField Because(string note) => this with { Note = note };

    /// <summary>A group of fields (e.g. <c>instruments.cssrs</c>), named as evidence for a result derived from the whole group.</summary>
    public static IntakeField Group<T>(Expression<Func<ScreeningRequest, T>> member, string title) =>
        new(string.Join('.', PropertyChain(member.Body).Select(JsonName)), title);

    /// <summary>A value computed from several fields (e.g. the BMI from height and weight), named by the fields it is computed from.</summary>
    public static IntakeField Computed(string title, params IntakeField[] from) =>
        new(string.Join(", ", from.Select(f => f.Path)), title);

    /// <summary>The field that <paramref name="member"/> selects, e.g. <c>IntakeField.Of(r => r.Vitals.SystolicMmHg)</c>.</summary>
    public static IntakeField Of<T>(Expression<Func<ScreeningRequest, T>> member)
    {
        var properties = PropertyChain(member.Body);
        return new IntakeField(string.Join('.', properties.Select(JsonName)), QuestionOf(properties[^1]));
    }

    /// <summary>A field of a treatment trial; <see cref="TrialField.At"/> places it at a trial's index.</summary>
    public static TrialField OfTrial<T>(Expression<Func<TreatmentTrial, T>> member)
    {
        var property = PropertyChain(member.Body).Single();
        return new TrialField(JsonName(property), QuestionOf(property));
    }

    public static string JsonName(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static List<PropertyInfo> PropertyChain(Expression body)
    {
        var chain = new List<PropertyInfo>();
        for (var node = body; node is MemberExpression member; node = member.Expression)
        {
            chain.Insert(0, (PropertyInfo)member.Member);
        }

        return chain.Count > 0 ? chain : throw new ArgumentException("Expected a property chain such as r => r.Vitals.SystolicMmHg.");
    }

    private static string QuestionOf(PropertyInfo property) =>
        property.GetCustomAttribute<QuestionAttribute>()?.Text
        ?? throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} has no [Question].");
}

/// <summary>A treatment-trial field not yet placed at an index.</summary>
public sealed record TrialField(string Name, string Question)
{
    public IntakeField At(int trialIndex) =>
        new($"treatmentTrials[{trialIndex}].{Name}", Question);
}

/// <summary>The order of the intake model's fields as a form asks them (declaration order), for listing missing answers.</summary>
public static class IntakeOrder
{
    private static readonly Dictionary<string, int> Positions = Walk(typeof(ScreeningRequest), string.Empty)
        .Select((path, position) => (path, position))
        .ToDictionary(x => x.path, x => x.position, StringComparer.Ordinal);

    /// <summary>A sort key for a field path: its place in the form, then its list index (treatmentTrials[2].drug after [1]).</summary>
    public static (int Position, int Index) Of(string path)
    {
        var open = path.IndexOf('[');
        var close = path.IndexOf(']');
        var index = open >= 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), out var i) ? i : -1;
        var plain = open >= 0 && close > open ? path[..open] + path[(close + 1)..] : path;
        return (Positions.GetValueOrDefault(plain, int.MaxValue), index);
    }

    private static IEnumerable<string> Walk(Type type, string prefix)
    {
        foreach (var property in type.GetProperties())
        {
            var path = prefix + IntakeField.JsonName(property);
            yield return path;
            var element = property.PropertyType.IsGenericType && property.PropertyType != typeof(string) && !property.PropertyType.IsValueType
                ? property.PropertyType.GetGenericArguments()[0]
                : property.PropertyType;
            if (element.Namespace == typeof(ScreeningRequest).Namespace && element.IsClass)
            {
                foreach (var child in Walk(element, path + "."))
                {
                    yield return child;
                }
            }
        }
    }
}
