using System.Security.Claims;
using Screening.Api.Screenings;
using Screening.DecisionLog;
using Screening.Fhir;
using Screening.Fhir.CdsHooks;

namespace Screening.Api.CdsHooks;

/// <summary>
/// Records what clinicians did with cards, in the structured log and with the decision in the decision record: the
/// card's decision id, accepted or overridden, how many suggestions were taken, and the override reason code when it is
/// one of the service's. Free text (the user's comment) and anything not recognised are never written. Feedback is kept
/// only on a card this service gave the same client: on another client's decision, or on no decision at all, it would
/// be a row no retention purge reaches (the purge follows the decisions) and feedback the decision's owner never asked.
/// </summary>
public sealed partial class CdsFeedbackRecorder(ILogger<CdsFeedbackRecorder> logger, DecisionRecorder record, TimeProvider time)
{
    public async Task RecordAsync(CardFeedback feedback, FhirCanonicals canonicals, ClaimsPrincipal client, CancellationToken cancellationToken)
    {
        var decision = Guid.TryParse(feedback.Card, out var id) ? id.ToString() : "not-a-screening-card";
        var reason = feedback.OverrideReason?.Reason is { System: { } system, Code: { } code }
            && system == canonicals.OverrideReasonSystem
            && ScreeningCdsService.OverrideReasonCodes.Any(r => r.Code == code)
            ? code
            : feedback.OverrideReason is null ? "none" : "other";
        CardFeedbackReceived(logger, decision, feedback.Outcome, feedback.AcceptedSuggestions?.Count ?? 0, reason);
        if (record.Enabled && Guid.TryParse(feedback.Card, out var decisionId))
        {
            if (await record.Store.FindAsync(decisionId, cancellationToken) is not { } kept || kept.Summary.ClientId != ScreeningDecisions.ClientOf(client))
            {
                FeedbackNotKept(logger, decisionId);
                return;
            }

            await record.Store.AddFeedbackAsync(new FeedbackRecord(decisionId, time.GetUtcNow(), feedback.Outcome, reason, feedback.AcceptedSuggestions?.Count ?? 0), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS card feedback for decision {DecisionId}: {FeedbackOutcome}, {AcceptedSuggestions} suggestion(s) accepted, override reason {OverrideReason}")]
    private static partial void CardFeedbackReceived(ILogger logger, string decisionId, string feedbackOutcome, int acceptedSuggestions, string overrideReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS card feedback for decision {DecisionId} not kept: no decision of this client has that id")]
    private static partial void FeedbackNotKept(ILogger logger, Guid decisionId);
}
