using Screening.Domain.Facts;
using Screening.Domain.Outcome;
using Screening.Rules.Advisories;

namespace Screening.Engine.Explanation;

/// <summary>
/// The one- or two-sentence summary of an outcome, and the suicide-risk advisory. A summary names the blocking
/// questions ("Ask: ...") and only counts the refining ones, so the questions that matter now are not lost in a list.
/// </summary>
public static class OutcomeSummary
{
    public static string For(OutcomeDecision decision, IReadOnlyList<Reason> decisive, IReadOnlyList<string> secondaryTitles)
    {
        var titles = string.Join("; ", decisive.Select(r => r.Title));
        var blocking = decision.Missing.Where(m => m.Blocking).ToArray();
        var refining = decision.Missing.Where(m => !m.Blocking).ToArray();
        return decision.Category switch
        {
            OutcomeCategory.UrgentCrisisReferral =>
                $"Urgent crisis referral ({(decision.Subtype == UrgentSubtype.Medical ? "medical" : "psychiatric")}): {titles}. "
                + (decision.Subtype == UrgentSubtype.Medical
                    ? "Refer for emergency medical care now; this is not a treatment referral."
                    : "Keep the patient safe and arrange same-day psychiatric crisis evaluation; this is not a treatment referral.")
                + (secondaryTitles.Count > 0 ? $" Other findings for the receiving clinician: {string.Join("; ", secondaryTitles)}." : string.Empty)
                + CouldAddAnEmergency(refining.Length),
            OutcomeCategory.NotEligibleContraindicated =>
                $"Not eligible: contraindicated ({titles})."
                + (decision.Temporary == true ? " The contraindication is temporary: defer and re-screen when it has resolved." : string.Empty)
                + CouldBeUrgent(refining.Length),
            OutcomeCategory.InsufficientInformation =>
                (decision.DecisiveRuleIds.Contains(ReassessWhenSoberAdvisoryRule.Id)
                    ? "Insufficient information: the patient was intoxicated or in withdrawal at screening; reassess when sober and screen again."
                    : "Insufficient information: no recommendation until the blocking questions are answered.")
                + (blocking.Length > 0 ? $" Ask: {string.Join(" ", blocking.Select(m => Question(m.Field.Question)))}" : string.Empty)
                + (blocking.Any(m => m.CouldChangeOutcomeTo == OutcomeCategory.UrgentCrisisReferral) ? " Some answers could make this an urgent referral: ask those first." : string.Empty)
                + WorthAsking(refining),
            OutcomeCategory.NotEligibleCriteriaNotMet => (decisive.Count == 0
                ? "Not eligible: the answers open no candidate indication (no relevant diagnosis or instrument score was given)."
                : $"Not eligible: the criteria are not met for {titles}.")
                + CouldBeUrgent(refining.Count(m => m.CouldChangeOutcomeTo == OutcomeCategory.UrgentCrisisReferral))
                + (refining.Any(m => m.NeededBy.Contains(ReassessWhenSoberAdvisoryRule.Id))
                    ? " Whether the patient was intoxicated or withdrawing at screening is unanswered: if so, reassess when sober and screen again."
                    : string.Empty),
            OutcomeCategory.ReferWithSpecialistReview =>
                $"Refer with specialist review ({(decision.Pathway == Pathway.EsketamineRems ? "esketamine in a REMS-certified setting" : "off-label ketamine")}): {titles}."
                + WorthAsking(refining),
            _ => "Refer: treatment-resistant depression is established with no caution found; on-label esketamine (SPRAVATO) in a REMS-certified setting."
                + WorthAsking(refining, " before the first session"),
        };
    }

    public static string SafetyAdvisory(OutcomeDecision decision)
    {
        var incomplete = decision.Phq9Item9 >= Rules.Thresholds.Phq9Item9PositiveAtLeast
            ? $"PHQ-9 item 9 is {decision.Phq9Item9} and the C-SSRS screener is incomplete"
            : "The C-SSRS screener is incomplete";
        return decision.Category switch
        {
            // The crisis referral goes first: the assessment is for the receiving team, not a reason to wait.
            OutcomeCategory.UrgentCrisisReferral => $"{incomplete}: the receiving team should complete a suicide risk assessment the same day; do not delay this referral for it.",
            _ when decision.Phq9Item9 >= Rules.Thresholds.Phq9Item9PositiveAtLeast => $"{incomplete}: complete a suicide risk assessment the same day.",
            _ => $"{incomplete}: complete a suicide risk assessment before acting on this result.",
        };
    }

    // Questions end in "?"; labels such as "PHQ-9 total score" get a full stop, so the list reads as sentences.
    // A question ends a sentence already when it ends in ? or . (also inside the closing quote of an instrument's own wording).
    private static string Question(string question) => question.TrimEnd('"').EndsWith('?') || question.TrimEnd('"').EndsWith('.') ? question : question + ".";

    private static string WorthAsking(MissingItem[] refining, string when = "")
    {
        if (refining.Length == 0)
        {
            return string.Empty;
        }

        var urgent = refining.Count(m => m.CouldChangeOutcomeTo == OutcomeCategory.UrgentCrisisReferral);
        var count = refining.Length == 1 ? "1 further question is" : $"{refining.Length} further questions are";
        return $" {count} worth asking{when}" + urgent switch
        {
            0 => ".",
            _ when urgent == refining.Length => refining.Length == 1 ? "; it could make this urgent." : "; they could make this urgent.",
            _ => "; some could make this urgent.",
        };
    }

    // Under an urgent referral only questions that could add a second urgent finding are listed.
    private static string CouldAddAnEmergency(int refining) => refining switch
    {
        0 => string.Empty,
        1 => " 1 unanswered question could add a further urgent finding: the receiving clinician should ask it.",
        _ => $" {refining} unanswered questions could add a further urgent finding: the receiving clinician should ask them.",
    };

    // Under "not eligible" only questions that could make the outcome urgent are listed.
    private static string CouldBeUrgent(int refining) => refining switch
    {
        0 => string.Empty,
        1 => " 1 unanswered question could make this urgent: ask it.",
        _ => $" {refining} unanswered questions could make this urgent: ask them.",
    };
}
