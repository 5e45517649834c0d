using Screening.Domain.Intake;
using Screening.Domain.Outcome;

namespace Screening.Domain.Facts;

/// <summary>
/// An unknown answer that matters for this outcome: which rules needed it, what it could lead to, and whether it is
/// blocking (the outcome is insufficient information because of it, or it is needed to leave that category) or only
/// refining (its answer could add a caution, an advisory or change the pathway, but the category stands).
/// </summary>
public sealed record MissingItem(IntakeField Field, IReadOnlyList<string> NeededBy, OutcomeCategory CouldChangeOutcomeTo, bool Blocking);

/// <summary>
/// The outcome the precedence rule derived (spec §9) from every finding, indication assessment and the C-SSRS
/// risk: the category and the facts that decided it.
/// </summary>
public sealed class OutcomeDecision
{
    public required OutcomeCategory Category { get; init; }
    public UrgentSubtype? Subtype { get; init; }
    public Pathway? Pathway { get; init; }

    /// <summary>For a contraindicated outcome: true when every contraindication found is temporary (ABS-T).</summary>
    public bool? Temporary { get; init; }

    /// <summary>The C-SSRS risk level the decision used.</summary>
    public required CssrsRiskLevel CssrsLevel { get; init; }

    /// <summary>PHQ-9 item 9 as answered (null when not given).</summary>
    public int? Phq9Item9 { get; init; }

    /// <summary>True when a suicide risk assessment must be completed: the C-SSRS screener is incomplete (spec §6.1, R2-9).</summary>
    public bool SafetyFollowUpRequired { get; init; }

    /// <summary>Rule ids of the findings and indications that decided the category.</summary>
    public required IReadOnlySet<string> DecisiveRuleIds { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<IndicationAssessment> Indications { get; init; }
    public required IReadOnlyList<MissingItem> Missing { get; init; }
}
