using NRules;
using Screening.Domain.Facts;
using Screening.Domain.Intake;
using Screening.Domain.Policy;

namespace Screening.Engine;

/// <summary>How a questionnaire enters a session: as one <see cref="Intake"/> fact (answers, measures and policy).</summary>
public static class IntakeFacts
{
    public static void Insert(ISession session, ScreeningRequest request, ScreeningPolicy policy, DateOnly today) =>
        session.Insert(Intake.From(request, policy, today));
}
