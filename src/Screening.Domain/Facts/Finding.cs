using Screening.Domain.Intake;
using Screening.Domain.Outcome;

namespace Screening.Domain.Facts;

/// <summary>One value a rule used: the field, the value it had, and the threshold it was held against.</summary>
public sealed record Evidence(string Field, string Value, string? Threshold = null);

/// <summary>Whether a rule's condition holds, or cannot be decided because an answer is unknown.</summary>
public enum FindingStatus
{
    /// <summary>The condition holds on the answers given.</summary>
    Present = 1,

    /// <summary>The condition may hold: the answers it needs are unknown. Unknown is never read as "no".</summary>
    Unknown,
}

/// <summary>
/// What a contraindication, caution, urgent or advisory rule yields: the rule's id, kind, and either the clinician-
/// readable reason with its evidence (present) or the fields that are missing (unknown). The explanation of a result
/// is built from these facts, not from logs.
/// </summary>
public sealed class Finding
{
    private Finding(string ruleId, RuleKind kind, FindingStatus status, string text, IReadOnlyList<Evidence> evidence,
        IReadOnlyList<IntakeField> missing, IReadOnlyList<IntakeField> worthAsking, UrgentSubtype? subtype)
    {
        RuleId = ruleId;
        Kind = kind;
        Status = status;
        Text = text;
        Evidence = evidence;
        Missing = missing;
        WorthAsking = worthAsking;
        Subtype = subtype;
    }

    public string RuleId { get; }
    public RuleKind Kind { get; }
    public FindingStatus Status { get; }
    public string Text { get; }
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>
    /// Unanswered fields that could make the rule fire and that hold the outcome where the specification says an
    /// unknown of this kind does (urgent: always, spec §9.2 step 3; absolute: once an indication is established,
    /// step 5; cautions and advisories: never).
    /// </summary>
    public IReadOnlyList<IntakeField> Missing { get; }

    /// <summary>Unanswered fields that could make the rule fire but never hold the outcome: worth asking, not required.</summary>
    public IReadOnlyList<IntakeField> WorthAsking { get; }

    /// <summary>For urgent findings: psychiatric or medical emergency.</summary>
    public UrgentSubtype? Subtype { get; }

    public bool IsPresent => Status == FindingStatus.Present;

    public static Finding Present(RuleIdentity rule, string text, params Evidence[] evidence) =>
        new(rule.Id, rule.Kind, FindingStatus.Present, text, evidence, [], [], rule.Subtype);

    /// <summary>A present finding whose kind differs from the rule's default (a policy can make a caution absolute).</summary>
    public static Finding Present(RuleIdentity rule, RuleKind kind, string text, params Evidence[] evidence) =>
        new(rule.Id, kind, FindingStatus.Present, text, evidence, [], [], rule.Subtype);

    public static Finding Unknown(RuleIdentity rule, params IntakeField[] missing) =>
        new(rule.Id, rule.Kind, FindingStatus.Unknown, string.Empty, [], missing, [], rule.Subtype);

    public static Finding Unknown(RuleIdentity rule, IReadOnlyList<IntakeField> missing, IReadOnlyList<IntakeField>? worthAsking = null) =>
        new(rule.Id, rule.Kind, FindingStatus.Unknown, string.Empty, [], missing, worthAsking ?? [], rule.Subtype);

    /// <summary>An unknown finding whose missing answers could make it fire as another kind than the rule's default (a policy can make a caution absolute).</summary>
    public static Finding Unknown(RuleIdentity rule, RuleKind kind, IReadOnlyList<IntakeField> missing, IReadOnlyList<IntakeField> worthAsking) =>
        new(rule.Id, kind, FindingStatus.Unknown, string.Empty, [], missing, worthAsking, rule.Subtype);

    /// <summary>Unanswered fields that could make the rule fire, none of which may hold the outcome.</summary>
    public static Finding OnlyWorthAsking(RuleIdentity rule, params IntakeField[] fields) =>
        new(rule.Id, rule.Kind, FindingStatus.Unknown, string.Empty, [], [], fields, rule.Subtype);
}

/// <summary>A rule's stable id and kind (and urgent subtype), read once from its class attributes.</summary>
public sealed record RuleIdentity(string Id, RuleKind Kind, UrgentSubtype? Subtype = null);
