namespace Screening.Domain.Intake;

/// <summary>
/// The question put to the patient or clinician for this field. It is the single source of the wording used by
/// the OpenAPI document, the FHIR Questionnaire and the "missing information" list of a result.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QuestionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>
/// The title of a group of questions (a section of the form, an instrument), written as clinicians write it
/// (PHQ-9, C-SSRS, MDQ, ACR 2016). The one table of section names: the FHIR Questionnaire, the pages and the docs read it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SectionAttribute(string title) : Attribute
{
    public string Title { get; } = title;
}

/// <summary>The UCUM unit of a measured value (e.g. <c>mm[Hg]</c>) and how it reads to a person.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnitAttribute(string ucum, string display) : Attribute
{
    public string Ucum { get; } = ucum;
    public string Display { get; } = display;
}

/// <summary>
/// Marks a question that is asked only when another answer in the same group is "yes"
/// (e.g. pregnancy only when able to become pregnant). Drives FHIR <c>enableWhen</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AskedWhenYesAttribute(string siblingProperty) : Attribute
{
    public string SiblingProperty { get; } = siblingProperty;
}

/// <summary>
/// For a list that may be answered "none": an empty list means the question was asked and the answer is none, while
/// leaving the list out means it was not asked (unknown). The text is how a form offers "none" (the FHIR Questionnaire
/// asks it as a yes/no item before the list).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoneOptionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>A LOINC code for the question, where one exists; <see cref="Source"/> says where it was checked.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class LoincAttribute(string code, string display, string source) : Attribute
{
    public string Code { get; } = code;
    public string Display { get; } = display;
    public string Source { get; } = source;
}

/// <summary>Where the LOINC codes of the intake model were checked.</summary>
public static class LoincSources
{
    public const string VitalSigns = "FHIR vital signs value set (hl7.org/fhir ValueSet observation-CCDAVitalSignResult) and the FHIR R4 Body Weight profile";
}
