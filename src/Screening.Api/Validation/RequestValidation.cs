using System.Linq.Expressions;
using System.Text.Json;
using FluentValidation;

namespace Screening.Api.Validation;

/// <summary>
/// Request validation in two layers: the structure, types and declared limits of a body are checked against the model's
/// shape while it is read (<see cref="JsonShapeChecker"/>); the rules that span fields (a diastolic below its systolic,
/// item 9 within the PHQ-9 total) are FluentValidation validators, one per model type, registered by assembly scan.
/// </summary>
public static class RequestValidation
{
    public static IServiceCollection AddRequestValidation(this IServiceCollection services)
    {
        // Error keys are the JSON paths clients send (patient.dateOfBirth, treatmentTrials[0].drug), not C# names.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
            expression is null ? Camel(member?.Name) : string.Join('.', MemberChain(expression.Body).Select(Camel));
        services.AddValidatorsFromAssemblyContaining<ScreeningRequestValidator>(ServiceLifetime.Singleton);
        services.AddSingleton<IntakeReader>();
        return services;
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
