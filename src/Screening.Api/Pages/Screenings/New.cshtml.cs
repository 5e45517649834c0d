using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Screening.Api.DecisionRecord;
using Screening.Api.Screenings;
using Screening.Api.Validation;
using Screening.DecisionLog;
using Screening.Domain.Intake;
using Screening.Domain.Json;
using Screening.Domain.Outcome;

namespace Screening.Api.Pages;

/// <summary>
/// The intake form: generated from the intake model, read into the same JSON the API takes and validated by the same
/// reader (shape, types, ranges, cross-field rules), so a coordinator and an integration get the same decision for the
/// same answers. A valid form is decided through <see cref="ScreeningDecisions"/> (channel "pages") and kept.
/// </summary>
public sealed class NewScreeningModel(IntakeReader reader, ScreeningDecisions decisions, DecisionRecorder record, DecisionAccess access) : PageModel
{
    public IntakeForm Form { get; private set; } = new();

    /// <summary>The decision whose missing answers are being given.</summary>
    public Guid? Follows { get; private set; }

    public bool Unavailable { get; private set; }

    /// <summary>The result, shown on this page when the decision record is off (there is no decision page to go to).</summary>
    public ScreeningResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? follows, CancellationToken cancellationToken)
    {
        if (follows is { } previous)
        {
            if (await FindVisibleAsync(previous, cancellationToken) is not { Request: { } request, Result: { } result })
            {
                return NotFound();
            }

            Form = IntakeForm.FromRequest(request);
            Form.MarkMissing(JsonSerializer.Deserialize<ScreeningResult>(result, ScreeningJson.Options)!);
            Follows = previous;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, Guid? previousDecisionId, CancellationToken cancellationToken)
    {
        Form = IntakeForm.FromPost(Request.Form);
        Follows = previousDecisionId;
        if (previousDecisionId is { } previous && await FindVisibleAsync(previous, cancellationToken) is { Result: { } previousResult })
        {
            Form.MarkMissing(JsonSerializer.Deserialize<ScreeningResult>(previousResult, ScreeningJson.Options)!);
        }
        else if (previousDecisionId is not null)
        {
            // Not this coordinator's decision (or no longer kept in full): the new one names no predecessor.
            Follows = null;
        }

        if (Form.ApplyRowAction(action))
        {
            return Page();
        }

        if (Form.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var read = reader.Parse<ScreeningRequest>(Form.ToJson());
        if (read.Problem is { } problem)
        {
            foreach (var (path, messages) in ErrorsOf(problem))
            {
                Form.Errors[path] = messages;
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Decision decision;
        try
        {
            decision = await decisions.DecideAsync(read.Value!, DecisionChannel.Pages, ScreeningDecisions.ClientOf(User), previousDecisionId: Follows);
        }
        catch (DecisionLogUnavailableException)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
            return Page();
        }

        if (record.Enabled)
        {
            return Redirect($"/decisions/{decision.Result.DecisionId}");
        }

        Result = decision.Result;
        return Page();
    }

    private async Task<KeptDecision?> FindVisibleAsync(Guid decisionId, CancellationToken cancellationToken) =>
        await record.FindAsync(decisionId, cancellationToken) is { } kept && access.CanSee(User, kept.Summary) ? kept : null;

    private static IDictionary<string, string[]> ErrorsOf(ProblemHttpResult problem) =>
        problem.ProblemDetails is Microsoft.AspNetCore.Http.HttpValidationProblemDetails validation
            ? validation.Errors
            : new Dictionary<string, string[]> { ["body"] = [problem.ProblemDetails.Detail ?? "The answers could not be read."] };
}
