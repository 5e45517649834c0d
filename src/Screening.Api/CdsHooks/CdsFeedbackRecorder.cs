using Screening.DecisionLog;
using Screening.Fhir;
using Screening.Fhir.CdsHooks;

namespace Screening.Api.CdsHooks;

/// <summary>
/// Records what clinicians did with cards, in the structured log and with the decision in the decision record: the
/// card's decision id, accepted or overridden, how many suggestions were taken, and the override reason code when it is
/// one of the service's. Free text (the user's comment) and anything not recognised are never written.
/// </summary>
public sealed partial class CdsFeedbackRecorder(ILogger<CdsFeedbackRecorder> logger, DecisionRecorder record, TimeProvider time)
{
    public async Task RecordAsync(CardFeedback feedback, FhirCanonicals canonicals, CancellationToken cancellationToken)
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
            await record.Store.AddFeedbackAsync(new FeedbackRecord(decisionId, time.GetUtcNow(), feedback.Outcome, reason, feedback.AcceptedSuggestions?.Count ?? 0), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS card feedback for decision {DecisionId}: {FeedbackOutcome}, {AcceptedSuggestions} suggestion(s) accepted, override reason {OverrideReason}")]
    private static partial void CardFeedbackReceived(ILogger logger, string decisionId, string feedbackOutcome, int acceptedSuggestions, string overrideReason);
}
