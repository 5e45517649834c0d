using Screening.DecisionLog;
using Screening.Domain.Outcome;

namespace Screening.Api.Pages;

/// <summary>A result to show: whether it is kept in the decision record, and the decisions that follow it (answers added).</summary>
public sealed record ResultView(ScreeningResult Result, bool Kept, IReadOnlyList<DecisionSummary> Followers)
{
    public CategoryLook Look => PageText.Look(Result.Outcome.Category);

    public bool Urgent => Result.Outcome.Category == OutcomeCategory.UrgentCrisisReferral;

    /// <summary>The reasons that decided the category first, then the others, each kind in the order the result gives.</summary>
    public IEnumerable<Reason> DecisiveReasons => Result.Reasons.Where(r => r.Decisive);

    public IEnumerable<Reason> OtherReasons => Result.Reasons.Where(r => !r.Decisive);

    public IEnumerable<MissingInformation> AskNow => Result.MissingInformation.Where(m => m.Blocking);

    public IEnumerable<MissingInformation> WorthAsking => Result.MissingInformation.Where(m => !m.Blocking);
}
