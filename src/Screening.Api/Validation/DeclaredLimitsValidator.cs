using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;

namespace Screening.Api.Validation;

/// <summary>
/// FluentValidation rules read from the intake model's own <see cref="RangeAttribute"/> and
/// <see cref="MaxLengthAttribute"/>, so a range is declared once and drives validation, the OpenAPI schema and the
/// FHIR Questionnaire alike. Messages name the limit, never the value sent.
/// </summary>
public class DeclaredLimitsValidator<T> : AbstractValidator<T>
{
    static DeclaredLimitsValidator()
    {
        // Error keys are the JSON paths clients send (patient.dateOfBirth, treatmentTrials[0].drug), not C# names.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
            expression is null ? Camel(member?.Name) : string.Join('.', MemberChain(expression.Body).Select(Camel));
    }

    // One check per declared limit, compiled once per model type: a getter and a comparison, no reflection per request.
    private static readonly (string Field, Func<T, string?> Violation)[] Limits = typeof(T).GetProperties()
        .SelectMany(property => new[] { RangeCheck(property), LengthCheck(property) })
        .OfType<(string, Func<T, string?>)>()
        .ToArray();

    public DeclaredLimitsValidator()
    {
        // A single rule checks every declared limit of the type: far cheaper than a FluentValidation rule per property.
        RuleFor(model => model).Custom((model, context) =>
        {
            foreach (var (field, violation) in Limits)
            {
                if (violation(model) is { } message)
                {
                    context.AddFailure(field, message);
                }
            }
        });
    }

    private static (string, Func<T, string?>)? RangeCheck(PropertyInfo property)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is not { } range)
        {
            return null;
        }

        var field = Camel(property.Name);
        if (property.PropertyType == typeof(int?))
        {
            var (min, max) = (Convert.ToInt32(range.Minimum), Convert.ToInt32(range.Maximum));
            var get = Select<int?>(property).Compile();
            var message = $"must be from {min} to {max}";
            return (field, model => get(model) is { } value && (value < min || value > max) ? message : null);
        }

        if (property.PropertyType == typeof(int))
        {
            var (min, max) = (Convert.ToInt32(range.Minimum), Convert.ToInt32(range.Maximum));
            var get = Select<int>(property).Compile();
            var message = $"must be from {min} to {max}";
            return (field, model => get(model) is var value && (value < min || value > max) ? message : null);
        }

        if (property.PropertyType == typeof(decimal?))
        {
            var (min, max) = (Convert.ToDecimal(range.Minimum), Convert.ToDecimal(range.Maximum));
            var get = Select<decimal?>(property).Compile();
            var message = $"must be from {min} to {max}";
            return (field, model => get(model) is { } value && (value < min || value > max) ? message : null);
        }

        throw new InvalidOperationException($"[Range] on {typeof(T).Name}.{property.Name} of type {property.PropertyType.Name} is not supported.");
    }

    private static (string, Func<T, string?>)? LengthCheck(PropertyInfo property)
    {
        if (property.GetCustomAttribute<MaxLengthAttribute>() is not { Length: var max })
        {
            return null;
        }

        var field = Camel(property.Name);
        if (property.PropertyType == typeof(string))
        {
            var get = Select<string?>(property).Compile();
            var message = $"must be at most {max} characters";
            return (field, model => get(model) is { Length: var length } && length > max ? message : null);
        }

        var getCollection = Select<object?>(property).Compile();
        var tooMany = $"must have at most {max} items";
        return (field, model => getCollection(model) is System.Collections.ICollection { Count: var count } && count > max ? tooMany : null);
    }

    private static Expression<Func<T, TProperty>> Select<TProperty>(PropertyInfo property)
    {
        var model = Expression.Parameter(typeof(T), "model");
        return Expression.Lambda<Func<T, TProperty>>(Expression.Convert(Expression.Property(model, property), typeof(TProperty)), model);
    }

    private static Stack<string> MemberChain(Expression body)
    {
        var chain = new Stack<string>();
        for (var node = body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : body;
             node is MemberExpression member;
             node = member.Expression)
        {
            chain.Push(member.Member.Name);
        }

        return chain;
    }

    private static string Camel(string? name) => name is null ? string.Empty : JsonNamingPolicy.CamelCase.ConvertName(name);
}
