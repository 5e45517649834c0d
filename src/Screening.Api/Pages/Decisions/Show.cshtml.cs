using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Screening.Api.DecisionRecord;
using Screening.DecisionLog;
using Screening.Domain.Json;
using Screening.Domain.Outcome;

namespace Screening.Api.Pages;

/// <summary>A decision's result for people, read from the decision record (a coordinator sees their own decisions, an auditor all).</summary>
public sealed class ShowDecisionModel(DecisionRecorder record, DecisionAccess access) : PageModel
{
    public ResultView? View { get; private set; }

    /// <summary>The summary of a decision whose full result was purged.</summary>
    public DecisionSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        if (await record.FindAsync(decisionId, cancellationToken) is not { } kept || !access.CanSee(User, kept.Summary))
        {
            return NotFound();
        }

        if (kept.Result is null)
        {
            Summary = kept.Summary;
            return Page();
        }

        var followers = await record.Store.ListAsync(new DecisionQuery(null, null, null, access.ListingScope(User), 20, null, Follows: decisionId), cancellationToken);
        View = new ResultView(JsonSerializer.Deserialize<ScreeningResult>(kept.Result, ScreeningJson.Options)!, Kept: true, followers);
        return Page();
    }
}
