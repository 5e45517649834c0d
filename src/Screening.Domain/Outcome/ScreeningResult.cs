using Screening.Domain.Policy;

namespace Screening.Domain.Outcome;

/// <summary>
/// An explained referral recommendation: the category, every rule that decided it with the values it used and its
/// published source, and what is still missing. Decision support for a clinician, not a diagnosis.
/// </summary>
public sealed record ScreeningResult
{
    /// <summary>Unique id of this decision; quote it when discussing the result.</summary>
    public required Guid DecisionId { get; init; }

    /// <summary>The decision this one follows: the same questionnaire screened again with answers to what that decision found missing.</summary>
    public Guid? PreviousDecisionId { get; init; }

    /// <summary>When the service evaluated the questionnaire (UTC).</summary>
    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>The ruleset that produced the result.</summary>
    public required RulesetVersion Ruleset { get; init; }

    /// <summary>The program-policy parameters in force.</summary>
    public required ScreeningPolicy Policy { get; init; }

    /// <summary>The recommendation.</summary>
    public required OutcomeView Outcome { get; init; }

    /// <summary>Every indication whose domain was triggered (a diagnosis, an administered instrument, or a treatment trial for it), with its status. Domains not triggered are not listed: they are not met.</summary>
    public required IReadOnlyList<IndicationView> Indications { get; init; }

    /// <summary>The rules that fired, each with the values it used and its source. Decisive reasons decided the category; under an urgent outcome the others are secondary findings for the receiving clinician.</summary>
    public required IReadOnlyList<Reason> Reasons { get; init; }

    /// <summary>
    /// Unanswered questions whose answer could change this outcome, blocking ones first: each with the question to ask,
    /// the rules that need it, the category it could lead to, and whether it is blocking (the outcome is
    /// insufficient-information because of it, or it is needed to leave that category: ask now) or refining (worth
    /// asking: it could add a caution, an advisory or an indication, or change the pathway, but the category stands).
    /// </summary>
    public required IReadOnlyList<MissingInformation> MissingInformation { get; init; }

    /// <summary>Information-only findings (advice for the treating team); they do not change the category.</summary>
    public required IReadOnlyList<Flag> Flags { get; init; }
}

/// <summary>Ruleset version and content hash.</summary>
/// <param name="Version">Semantic version, bumped whenever a rule changes.</param>
/// <param name="Hash">SHA-256 (hex) over the compiled rule logic, the rule catalog and the policy in force.</param>
public sealed record RulesetVersion(string Version, string Hash);

/// <summary>The recommendation and its summary.</summary>
public sealed record OutcomeView
{
    /// <summary>One of, in order of precedence: urgent-crisis-referral, not-eligible-contraindicated, insufficient-information, not-eligible-criteria-not-met, refer-with-specialist-review, refer.</summary>
    public required OutcomeCategory Category { get; init; }

    /// <summary>For urgent-crisis-referral: psychiatric or medical emergency.</summary>
    public UrgentSubtype? Subtype { get; init; }

    /// <summary>For a referral: esketamine-rems (on-label) or ketamine-off-label.</summary>
    public Pathway? Pathway { get; init; }

    /// <summary>For not-eligible-contraindicated: true when every contraindication is temporary (defer and re-screen).</summary>
    public bool? Temporary { get; init; }

    /// <summary>One or two sentences a clinician can act on.</summary>
    public required string Summary { get; init; }

    /// <summary>For a temporary contraindication: when and how to re-screen.</summary>
    public string? RescreenAdvice { get; init; }

    /// <summary>True when a suicide risk assessment must be completed: the C-SSRS screener is incomplete (with PHQ-9 item 9 positive: the same day), under any outcome; under a crisis referral it is for the receiving team and does not hold the referral. A completed C-SSRS governs.</summary>
    public required bool SafetyFollowUpRequired { get; init; }

    /// <summary>What the safety follow-up is, when one is required.</summary>
    public string? SafetyAdvisory { get; init; }

    /// <summary>Under an urgent outcome: rule ids of the other findings the receiving clinician should know.</summary>
    public required IReadOnlyList<string> SecondaryFindings { get; init; }
}

/// <summary>An indication's status, regulatory status and evidence level.</summary>
public sealed record IndicationView
{
    /// <summary>Indication rule id, e.g. IND_TRD.</summary>
    public required string Id { get; init; }

    /// <summary>Plain name of the indication.</summary>
    public required string Title { get; init; }

    /// <summary>established, indeterminate (information missing) or not-met.</summary>
    public required IndicationStatus Status { get; init; }

    /// <summary>on-label-esketamine or off-label-ketamine.</summary>
    public required RegulatoryStatus RegulatoryStatus { get; init; }

    /// <summary>E1 (regulatory approval) to E4 (case series or weak evidence).</summary>
    public required EvidenceLevel EvidenceLevel { get; init; }
}

/// <summary>A rule that fired: what it found, on which values, and its source.</summary>
public sealed record Reason
{
    /// <summary>Stable rule id from the clinical specification, e.g. CI_AVM.</summary>
    public required string RuleId { get; init; }

    /// <summary>urgent, absolute, temporary, relative, indication, or info (an advisory that decided the outcome: reassess when sober).</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>Short title of the rule.</summary>
    public required string Title { get; init; }

    /// <summary>The finding as a clinician would write it, with the values used.</summary>
    public required string Text { get; init; }

    /// <summary>True when this reason decided the outcome category.</summary>
    public required bool Decisive { get; init; }

    /// <summary>The input values the rule used.</summary>
    public required IReadOnlyList<EvidenceView> Evidence { get; init; }

    /// <summary>The published source behind the rule.</summary>
    public required SourceView Source { get; init; }
}

/// <summary>One input value a rule used.</summary>
public sealed record EvidenceView
{
    /// <summary>Path of the field in the request, e.g. vitals.systolicMmHg.</summary>
    public required string Field { get; init; }

    /// <summary>The value it had, as text.</summary>
    public required string Value { get; init; }

    /// <summary>The threshold or condition it was held against, e.g. "> 140 mmHg".</summary>
    public string? Threshold { get; init; }
}

/// <summary>A rule's source.</summary>
public sealed record SourceView
{
    /// <summary>Citation: document, year and section.</summary>
    public required string Citation { get; init; }

    /// <summary>V (read in a public copy), P (published, not read: check the original), U (unverified) or POLICY (program decision).</summary>
    public required SourceStatus Status { get; init; }
}

/// <summary>An unanswered question whose answer could change the outcome.</summary>
public sealed record MissingInformation
{
    /// <summary>Path of the missing field in the request.</summary>
    public required string Field { get; init; }

    /// <summary>The question to ask.</summary>
    public required string Question { get; init; }

    /// <summary>Rule ids that need the answer.</summary>
    public required IReadOnlyList<string> NeededBy { get; init; }

    /// <summary>The category the answer could lead to: the outcome's own category when the answer could only add an advisory (for example, reproductive-potential counselling).</summary>
    public required OutcomeCategory CouldChangeOutcomeTo { get; init; }

    /// <summary>True: ask now, the outcome is insufficient-information until it is answered. False: worth asking; the category stands.</summary>
    public required bool Blocking { get; init; }

    /// <summary>Why an answer that was given still counts as missing, e.g. a blood pressure older than 30 days.</summary>
    public string? Note { get; init; }
}

/// <summary>An information-only finding.</summary>
public sealed record Flag
{
    /// <summary>Rule id, e.g. INFO_TRANSPORT_REQUIRED.</summary>
    public required string RuleId { get; init; }

    /// <summary>Short title of the rule.</summary>
    public required string Title { get; init; }

    /// <summary>The advice.</summary>
    public required string Text { get; init; }

    /// <summary>The source behind the advice.</summary>
    public required SourceView Source { get; init; }
}
