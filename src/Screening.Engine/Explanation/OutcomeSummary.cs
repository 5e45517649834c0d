using Screening.Domain.Facts;
using Screening.Domain.Outcome;

namespace Screening.Engine.Explanation;

/// <summary>The one- or two-sentence summary of an outcome, and the suicide-risk advisory.</summary>
public static class OutcomeSummary
{
    public static string For(OutcomeDecision decision, IReadOnlyList<Reason> decisive, IReadOnlyList<string> secondaryTitles)
    {
        var titles = string.Join("; ", decisive.Select(r => r.Title));
        return decision.Category switch
        {
            OutcomeCategory.UrgentCrisisReferral =>
                $"Urgent crisis referral ({(decision.Subtype == UrgentSubtype.Medical ? "medical" : "psychiatric")}): {titles}. "
                + (decision.Subtype == UrgentSubtype.Medical
                    ? "Refer for emergency medical care now; this is not a treatment referral."
                    : "Keep the patient safe and arrange same-day psychiatric crisis evaluation; this is not a treatment referral.")
                + (secondaryTitles.Count > 0 ? $" Other findings for the receiving clinician: {string.Join("; ", secondaryTitles)}." : string.Empty),
            OutcomeCategory.NotEligibleContraindicated =>
                $"Not eligible: contraindicated ({titles})."
                + (decision.Temporary == true ? " The contraindication is temporary: defer and re-screen when it has resolved." : string.Empty),
            OutcomeCategory.InsufficientInformation =>
                $"Insufficient information: {decision.Missing.Count} {(decision.Missing.Count == 1 ? "answer is" : "answers are")} needed before a recommendation can be made (see missingInformation)."
                + (decision.Missing.Any(m => m.CouldChangeOutcomeTo == OutcomeCategory.UrgentCrisisReferral)
                    ? " Some of them could make this an urgent referral: ask them first."
                    : string.Empty),
            OutcomeCategory.NotEligibleCriteriaNotMet => decisive.Count == 0
                ? "Not eligible: the answers open no candidate indication (no relevant diagnosis or instrument score was given)."
                : $"Not eligible: the criteria are not met for {titles}.",
            OutcomeCategory.ReferWithSpecialistReview =>
                $"Refer with specialist review ({(decision.Pathway == Pathway.EsketamineRems ? "esketamine in a REMS-certified setting" : "off-label ketamine")}): {titles}.",
            _ => "Refer: treatment-resistant depression is established with no caution found; on-label esketamine (SPRAVATO) in a REMS-certified setting."
                + (decision.Missing.Count > 0 ? $" {decision.Missing.Count} caution {(decision.Missing.Count == 1 ? "question is" : "questions are")} unanswered: answer them before the first session." : string.Empty),
        };
    }

    public static string SafetyAdvisory(OutcomeDecision decision)
    {
        var item9Positive = decision.Phq9Item9 >= Rules.Thresholds.Phq9Item9PositiveAtLeast;
        return (decision.CssrsLevel == CssrsRiskLevel.Unknown, item9Positive) switch
        {
            (true, true) => $"PHQ-9 item 9 is {decision.Phq9Item9} and the C-SSRS screener is incomplete: complete a suicide risk assessment the same day.",
            (true, false) => "The C-SSRS screener is incomplete: complete a suicide risk assessment before acting on this result.",
            _ => $"PHQ-9 item 9 is {decision.Phq9Item9}: make sure a clinician reviews suicide risk; the C-SSRS governs routing.",
        };
    }
}
