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
