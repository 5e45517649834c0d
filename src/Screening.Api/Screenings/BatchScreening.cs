using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FluentValidation;
using Screening.Api.Validation;
using Screening.Domain.Outcome;

namespace Screening.Api.Screenings;

/// <summary>Several questionnaires evaluated in one call.</summary>
public sealed record BatchScreeningRequest
{
    public const int MaxItems = 100;

    /// <summary>The questionnaires, each shaped like the body of POST /v1/screenings (1 to 100). Each is read and validated on its own: one invalid item does not fail the others.</summary>
    [MaxLength(MaxItems)]
    public required IReadOnlyList<JsonElement> Items { get; init; }
}

/// <summary>One result per item, in the order sent.</summary>
public sealed record BatchScreeningResponse
{
    /// <summary>The results, one per item, in order.</summary>
    public required IReadOnlyList<BatchItemResult> Results { get; init; }
}

/// <summary>The result of one batch item: a screening result, or the problem with that item.</summary>
public sealed record BatchItemResult
{
    /// <summary>Position of the item in the request (from 0).</summary>
    public required int Index { get; init; }

    /// <summary>200 when evaluated; 400 when the item is invalid.</summary>
    public required int Status { get; init; }

    /// <summary>The screening result, when the item was valid.</summary>
    public ScreeningResult? Result { get; init; }

    /// <summary>What is wrong with the item, when it was not; field names start with items[index].</summary>
    public HttpValidationProblemDetails? Problem { get; init; }
}

public sealed class BatchScreeningRequestValidator : AbstractValidator<BatchScreeningRequest>
{
    public BatchScreeningRequestValidator()
    {
        RuleFor(b => b.Items).NotEmpty().WithMessage("must contain at least one questionnaire");
    }
}
