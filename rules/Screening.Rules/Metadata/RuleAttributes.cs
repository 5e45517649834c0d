namespace Screening.Rules.Metadata;

/// <summary>A short title for the rule, as a clinician would name the finding.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TitleAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>What kind of rule this is; decides what its finding does to the outcome (spec §2 type legend).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KindAttribute(RuleKind kind) : Attribute
{
    public RuleKind Kind { get; } = kind;
}

/// <summary>For an urgent rule: the emergency service it routes to.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EmergencyAttribute(UrgentSubtype subtype) : Attribute
{
    public UrgentSubtype Subtype { get; } = subtype;
}

/// <summary>The published source behind the rule and how firm it is (spec §0 status tags).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SourceAttribute(string citation, SourceStatus status) : Attribute
{
    public string Citation { get; } = citation;
    public SourceStatus Status { get; } = status;
}

/// <summary>For an indication rule: the regulatory status and evidence level of spec §4.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IndicationAttribute(RegulatoryStatus regulatoryStatus, EvidenceLevel evidenceLevel) : Attribute
{
    public RegulatoryStatus RegulatoryStatus { get; } = regulatoryStatus;
    public EvidenceLevel EvidenceLevel { get; } = evidenceLevel;
}

/// <summary>The program-policy parameters (names of <see cref="Screening.Domain.Policy.ScreeningPolicy"/> properties) the rule reads.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UsesPolicyAttribute(params string[] parameters) : Attribute
{
    public IReadOnlyList<string> Parameters { get; } = parameters;
}

/// <summary>For a temporary contraindication (ABS-T): when to re-screen, completing "Re-screen ...".</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RescreenAttribute(string when) : Attribute
{
    public string When { get; } = when;
}
