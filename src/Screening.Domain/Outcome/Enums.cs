using System.Text.Json.Serialization;

namespace Screening.Domain.Outcome;

/// <summary>The outcome categories of spec §9, in order of precedence (first wins).</summary>
public enum OutcomeCategory
{
    /// <summary>Immediate safety issue: crisis or emergency pathway, not a treatment referral.</summary>
    UrgentCrisisReferral = 1,

    /// <summary>At least one absolute (or absolute-temporary) contraindication.</summary>
    NotEligibleContraindicated,

    /// <summary>Data is missing that could change the answer to a different action.</summary>
    InsufficientInformation,

    /// <summary>All data needed is present and no indication is established or indeterminate.</summary>
    NotEligibleCriteriaNotMet,

    /// <summary>An indication is established, with an off-label indication only, a relative contraindication, moderate C-SSRS risk or MDSI.</summary>
    ReferWithSpecialistReview,

    /// <summary>Treatment-resistant depression established, no relative contraindication, C-SSRS none or low.</summary>
    Refer,
}

/// <summary>Which emergency service an urgent outcome goes to.</summary>
public enum UrgentSubtype
{
    Psychiatric = 1,
    Medical,
}

/// <summary>The treatment pathway of a referral.</summary>
public enum Pathway
{
    /// <summary>On-label esketamine (SPRAVATO) in a REMS-certified setting.</summary>
    EsketamineRems = 1,

    /// <summary>Off-label racemic ketamine, specialist-only.</summary>
    KetamineOffLabel,
}

/// <summary>How far an indication's criteria are met.</summary>
public enum IndicationStatus
{
    Established = 1,
    Indeterminate,
    NotMet,
}

/// <summary>Regulatory status of the treatment an indication leads to.</summary>
public enum RegulatoryStatus
{
    OnLabelEsketamine = 1,
    OffLabelKetamine,
}

/// <summary>The program's evidence scale (spec §4): E1 regulatory approval ... E4 case series or weak evidence.</summary>
public enum EvidenceLevel
{
    [JsonStringEnumMemberName("E1")]
    E1 = 1,

    [JsonStringEnumMemberName("E2")]
    E2,

    [JsonStringEnumMemberName("E3")]
    E3,

    [JsonStringEnumMemberName("E4")]
    E4,
}

/// <summary>What kind of rule a rule is, and so what its finding does to the outcome.</summary>
public enum RuleKind
{
    /// <summary>Routes to the urgent crisis pathway (URG).</summary>
    Urgent = 1,

    /// <summary>Absolute contraindication (ABS).</summary>
    Absolute,

    /// <summary>Absolute but temporary contraindication: defer and re-screen (ABS-T).</summary>
    Temporary,

    /// <summary>Relative contraindication or caution: at most specialist review (REL).</summary>
    Relative,

    /// <summary>Advisory flag only; no change of category (INFO).</summary>
    Info,

    /// <summary>A candidate indication (IND).</summary>
    Indication,

    /// <summary>A derived classification other rules rest on (trial classification, C-SSRS risk, blood-pressure gate...).</summary>
    Derivation,

    /// <summary>The outcome precedence of spec §9.</summary>
    Outcome,
}

/// <summary>How firm a rule's source is (spec §0).</summary>
public enum SourceStatus
{
    /// <summary>[V] read in a public copy of the source.</summary>
    [JsonStringEnumMemberName("V")]
    Verified = 1,

    /// <summary>[P] published, but the specific text could not be read: a clinician must check the original.</summary>
    [JsonStringEnumMemberName("P")]
    Published,

    /// <summary>[U] unverified: kept configurable.</summary>
    [JsonStringEnumMemberName("U")]
    Unverified,

    /// <summary>[POLICY] a program design decision, configurable.</summary>
    [JsonStringEnumMemberName("POLICY")]
    Policy,
}
