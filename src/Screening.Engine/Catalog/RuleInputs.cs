using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;
using Screening.Domain.Facts;
using Screening.Domain.Intake;
using Screening.Rules;

namespace Screening.Engine.Catalog;

/// <summary>What a rule reads, for the clinical reference.</summary>
/// <param name="Fields">Intake fields (JSON paths) its conditions and explanation name, and those of the derived facts it matches; a path ending in <c>.*</c> is a section a helper reads in full.</param>
/// <param name="Through">The derived facts it matches (e.g. "treatment history"), whose fields are included.</param>
/// <param name="OtherRulesFindings">It weighs the findings of the other rules (the outcome precedence).</param>
public sealed record RuleInput(IReadOnlyList<string> Fields, IReadOnlyList<string> Through, bool OtherRulesFindings);

/// <summary>
/// The intake fields each rule reads, read from the rules themselves: the property chains on the intake that its
/// conditions and actions name (NRules keeps both as expression trees), and the derivation rules whose facts it
/// matches. Computed values are named by the fields they are computed from. A section handed whole to a helper (e.g.
/// the diagnoses to the indication criteria) is listed as the section: the helper may read any of its fields.
/// </summary>
public static class RuleInputs
{
    private static readonly Lazy<IReadOnlyDictionary<string, RuleInput>> Loaded = new(() => Of(
        typeof(ScreeningRule).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(ScreeningRule).IsAssignableFrom(t))));

    private static readonly string CompletedOn = IntakeField.Of(r => r.CompletedOn).Path;

    // The computed measures, by the fields they are computed from.
    private static readonly Dictionary<string, string[]> Measures = new(StringComparer.Ordinal)
    {
        ["AssessedOn"] = [CompletedOn],
        ["AgeYears"] = [Path(Fields.DateOfBirth), CompletedOn],
        ["Bmi"] = [Path(Fields.HeightCm), Path(Fields.WeightKg)],
        ["BloodPressure"] = [Path(Fields.SystolicMmHg), Path(Fields.DiastolicMmHg), Path(Fields.BloodPressureReadings), Path(Fields.BloodPressureMeasuredOn)],
    };

    /// <summary>Every rule of the ruleset, by id.</summary>
    public static IReadOnlyDictionary<string, RuleInput> All => Loaded.Value;

    public static IReadOnlyDictionary<string, RuleInput> Of(IEnumerable<Type> ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(ruleTypes));
        var rules = repository.GetRules().ToArray();

        var reads = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var matches = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        var produces = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var walker = new Walker();
            var matched = new HashSet<Type>();
            Visit(rule.LeftHandSide, walker, matched);
            foreach (var filter in rule.FilterGroup.Filters)
            {
                walker.Visit(filter.Expression);
            }

            var actions = new Walker();
            foreach (var action in rule.RightHandSide.Actions)
            {
                actions.Visit(action.Expression);
                walker.Visit(action.Expression);
            }

            reads[rule.Name] = walker.Fields;
            matches[rule.Name] = matched;
            produces[rule.Name] = actions.Types;
        }

        // A derived fact (the blood-pressure gate, the classified treatment history ...) is made by a DERIVE_ rule from
        // intake fields: a rule matching it reads those fields too.
        var derivations = produces.Where(p => p.Key.StartsWith("DERIVE_", StringComparison.Ordinal)).ToArray();
        return rules.ToDictionary(rule => rule.Name, rule =>
        {
            var derived = matches[rule.Name]
                .Select(type => (type, producers: derivations.Where(d => d.Key != rule.Name && d.Value.Contains(type)).Select(d => d.Key).ToArray()))
                .Where(x => x.producers.Length > 0)
                .ToArray();
            var fields = new SortedSet<string>(reads[rule.Name], StringComparer.Ordinal);
            fields.UnionWith(derived.SelectMany(x => x.producers).SelectMany(producer => reads[producer]));
            return new RuleInput(
                fields.ToArray(),
                derived.Select(x => Words(x.type.Name)).Order(StringComparer.Ordinal).ToArray(),
                matches[rule.Name].Contains(typeof(Finding)) && matches[rule.Name].Contains(typeof(IndicationAssessment)));
        }, StringComparer.Ordinal);
    }

    // "TreatmentHistory" reads "treatment history"; "CssrsRisk" reads "C-SSRS risk".
    private static string Words(string typeName) =>
        System.Text.RegularExpressions.Regex.Replace(typeName, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant().Replace("cssrs", "C-SSRS", StringComparison.Ordinal);

    private static string Path(IntakeField field) => field.Path;

    private static void Visit(RuleElement element, Walker walker, HashSet<Type> matched)
    {
        if (element is ExpressionElement expression)
        {
            walker.Visit(expression.Expression);
        }

        switch (element)
        {
            case PatternElement pattern:
                matched.Add(pattern.ValueType);
                foreach (var condition in pattern.Expressions)
                {
                    Visit(condition, walker, matched);
                }

                if (pattern.Source is { } source)
                {
                    Visit(source, walker, matched);
                }

                break;
            case GroupElement group:
                foreach (var child in group.ChildElements)
                {
                    Visit(child, walker, matched);
                }

                break;
            case ExistsElement exists:
                Visit(exists.Source, walker, matched);
                break;
            case NotElement not:
                Visit(not.Source, walker, matched);
                break;
            case ForAllElement forAll:
                Visit(forAll.BasePattern, walker, matched);
                foreach (var pattern in forAll.Patterns)
                {
                    Visit(pattern, walker, matched);
                }

                break;
            case AggregateElement aggregate:
                foreach (var part in aggregate.Expressions)
                {
                    Visit(part, walker, matched);
                }

                Visit(aggregate.Source, walker, matched);
                break;
        }
    }

    /// <summary>Collects the intake property chains an expression names, and the types of the values it builds.</summary>
    private sealed class Walker : ExpressionVisitor
    {
        public SortedSet<string> Fields { get; } = new(StringComparer.Ordinal);

        public HashSet<Type> Types { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                Types.Add(node.Type);
            }

            return base.Visit(node);
        }

        // A lambda's parameters are declarations, not reads.
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Visit(node.Body);
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            var chain = new List<MemberInfo>();
            Expression? root = node;
            while (root is MemberExpression member)
            {
                chain.Insert(0, member.Member);
                root = member.Expression;
            }

            if (root is ParameterExpression parameter && parameter.Type == typeof(Intake))
            {
                Add(chain);
                return node;
            }

            if (root is ParameterExpression trial && trial.Type == typeof(TreatmentTrial))
            {
                Fields.Add("treatmentTrials[]." + string.Join('.', chain.Select(Json)));
                return node;
            }

            return base.VisitMember(node);
        }

        private void Add(List<MemberInfo> chain)
        {
            switch (chain[0].Name)
            {
                case nameof(Intake.Policy):
                    return; // policy values are listed with the rule's thresholds
                case nameof(Intake.Request):
                    chain.RemoveAt(0);
                    break;
                case nameof(Intake.Measures):
                    foreach (var field in chain.Count == 1 ? Measures.Values.SelectMany(f => f) : Measures[chain[1].Name])
                    {
                        Fields.Add(field);
                    }

                    return;
            }

            if (chain.Count == 0)
            {
                return;
            }

            var last = chain[^1] is PropertyInfo property ? property.PropertyType : typeof(object);
            var element = last.IsGenericType && last.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(last) ? item : null;
            var suffix = IsSection(element) ? "[].*" : IsSection(last) ? ".*" : string.Empty;
            Fields.Add(string.Join('.', chain.Select(Json)) + suffix);
        }

        // A class of the intake model (a section, or a list element such as a treatment trial), rather than one answer.
        private static bool IsSection(Type? type) => type is { IsClass: true } && type.Namespace == typeof(ScreeningRequest).Namespace && type != typeof(string);

        private static string Json(MemberInfo member) => JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
