using NRules;
using Screening.Domain.Facts;
using Screening.Domain.Intake;
using Screening.Domain.Policy;

namespace Screening.Engine;

/// <summary>How a questionnaire enters a session: as one <see cref="Intake"/> fact (answers, measures and policy).</summary>
public static class IntakeFacts
{
    /// <summary>Inserts the questionnaire and returns the fact (retracting it retracts everything derived from it).</summary>
    public static Intake Insert(ISession session, ScreeningRequest request, ScreeningPolicy policy, DateOnly today)
    {
        var intake = Intake.From(request, policy, today);
        session.Insert(intake);
        return intake;
    }
}
