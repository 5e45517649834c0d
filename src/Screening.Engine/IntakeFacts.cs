using NRules;
using Screening.Domain.Facts;
using Screening.Domain.Intake;
using Screening.Domain.Policy;

namespace Screening.Engine;

/// <summary>
/// How a questionnaire enters a session: one fact per intake group (coarse, because rules rarely need finer ones), one
/// per treatment trial, the computed measures and the policy in force.
/// </summary>
public static class IntakeFacts
{
    public static void Insert(ISession session, ScreeningRequest request, ScreeningPolicy policy, DateOnly today)
    {
        session.Insert(request.Patient);
        session.Insert(request.Diagnoses);
        session.Insert(request.Instruments);
        session.Insert(request.Contraindications);
        session.Insert(request.Medications);
        session.Insert(request.Vitals);
        session.Insert(request.SubstanceUse);
        session.Insert(request.Logistics);
        session.Insert(ClinicalMeasures.From(request, today));
        session.Insert(policy);
        for (var i = 0; i < request.TreatmentTrials.Count; i++)
        {
            session.Insert(new IndexedTrial(i, request.TreatmentTrials[i]));
        }
    }
}
