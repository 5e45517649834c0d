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

    public DeclaredLimitsValidator()
    {
        foreach (var property in typeof(T).GetProperties())
        {
            if (property.GetCustomAttribute<RangeAttribute>() is { } range)
            {
                AddRange(property, range);
            }

            if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
            {
                AddMaxLength(property, maxLength.Length);
            }
        }
    }

    private void AddRange(PropertyInfo property, RangeAttribute range)
    {
        if (property.PropertyType == typeof(int?))
        {
            var (min, max) = (Convert.ToInt32(range.Minimum), Convert.ToInt32(range.Maximum));
            RuleFor(Select<int?>(property)).InclusiveBetween(min, max).WithMessage($"must be from {min} to {max}");
        }
        else if (property.PropertyType == typeof(decimal?))
        {
            var (min, max) = (Convert.ToDecimal(range.Minimum), Convert.ToDecimal(range.Maximum));
            RuleFor(Select<decimal?>(property)).InclusiveBetween(min, max).WithMessage($"must be from {min} to {max}");
        }
        else
        {
            throw new InvalidOperationException($"[Range] on {typeof(T).Name}.{property.Name} of type {property.PropertyType.Name} is not supported.");
        }
    }

    private void AddMaxLength(PropertyInfo property, int max)
    {
        if (property.PropertyType == typeof(string))
        {
            RuleFor(Select<string?>(property)).MaximumLength(max).WithMessage($"must be at most {max} characters");
        }
        else if (typeof(System.Collections.ICollection).IsAssignableFrom(property.PropertyType) || property.PropertyType.IsGenericType)
        {
            RuleFor(Select<object?>(property))
                .Must(value => value is not System.Collections.ICollection collection || collection.Count <= max)
                .WithMessage($"must have at most {max} items");
        }
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
