using System.Globalization;
using System.Text.RegularExpressions;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Fhir;

namespace Screening.Api.Pages;

/// <summary>How an outcome category looks on a page: words, an icon (text, so it never relies on colour) and a style.</summary>
public sealed record CategoryLook(string Words, string Icon, string Style);

/// <summary>The pages' wording: categories, statuses and fields in words for people, never enum names or field paths.</summary>
public static partial class PageText
{
    public static CategoryLook Look(OutcomeCategory category) => category switch
    {
        OutcomeCategory.UrgentCrisisReferral => new("Urgent crisis referral", "⚠", "urgent"),
        OutcomeCategory.NotEligibleContraindicated => new("Not eligible: contraindicated", "⛔", "contraindicated"),
        OutcomeCategory.InsufficientInformation => new("More information needed", "?", "insufficient"),
        OutcomeCategory.NotEligibleCriteriaNotMet => new("Not eligible: criteria not met", "✕", "not-met"),
        OutcomeCategory.ReferWithSpecialistReview => new("Refer, with specialist review", "!", "specialist"),
        OutcomeCategory.Refer => new("Refer", "✓", "refer"),
        _ => new(PlainWords(ScreeningJson.NameOf(category)), "•", "other"),
    };

    /// <summary>A category by its contract name (as the decision record lists it), in words.</summary>
    public static CategoryLook Look(string category) =>
        Enum.GetValues<OutcomeCategory>().FirstOrDefault(c => ScreeningJson.NameOf(c) == category) is var known && ScreeningJson.NameOf(known) == category
            ? Look(known)
            : new(PlainWords(category), "•", "other");

    public static string Words(Pathway pathway) => pathway switch
    {
        Pathway.EsketamineRems => "Esketamine nasal spray (Spravato), on-label, under its REMS programme",
        Pathway.KetamineOffLabel => "Ketamine, off-label",
        _ => PlainWords(ScreeningJson.NameOf(pathway)),
    };

    public static string Words(UrgentSubtype subtype) => subtype switch
    {
        UrgentSubtype.Psychiatric => "Psychiatric emergency",
        UrgentSubtype.Medical => "Medical emergency",
        _ => PlainWords(ScreeningJson.NameOf(subtype)),
    };

    public static string Words(IndicationStatus status) => status switch
    {
        IndicationStatus.Established => "Established",
        IndicationStatus.Indeterminate => "Cannot tell yet: information is missing",
        IndicationStatus.NotMet => "Not met",
        _ => PlainWords(ScreeningJson.NameOf(status)),
    };

    public static string Words(RegulatoryStatus status) => status switch
    {
        RegulatoryStatus.OnLabelEsketamine => "On-label (esketamine)",
        RegulatoryStatus.OffLabelKetamine => "Off-label (ketamine)",
        _ => PlainWords(ScreeningJson.NameOf(status)),
    };

    public static string Words(EvidenceLevel level) => level switch
    {
        EvidenceLevel.E1 => "E1: regulatory approval",
        EvidenceLevel.E4 => "E4: case series or weak evidence",
        _ => $"{ScreeningJson.NameOf(level)} (on a scale from E1, regulatory approval, to E4, case series)",
    };

    public static string Words(SourceStatus status) => status switch
    {
        SourceStatus.Verified => "read in a public copy",
        SourceStatus.Published => "published; not read in full, check the original",
        SourceStatus.Unverified => "unverified",
        SourceStatus.Policy => "programme policy",
        _ => PlainWords(ScreeningJson.NameOf(status)),
    };

    public static string Words(RuleKind kind) => kind switch
    {
        RuleKind.Urgent => "Urgent finding",
        RuleKind.Absolute => "Absolute contraindication",
        RuleKind.Temporary => "Temporary contraindication",
        RuleKind.Relative => "Caution",
        RuleKind.Indication => "Indication",
        RuleKind.Info => "Advisory",
        _ => PlainWords(ScreeningJson.NameOf(kind)),
    };

    /// <summary>
    /// A field as a person reads it: its question (for a treatment trial, "Treatment trial 2: ..."); a value computed
    /// from several fields names each.
    /// </summary>
    public static string Field(string path)
    {
        if (path.Contains(", ", StringComparison.Ordinal))
        {
            return string.Join("; ", path.Split(", ").Select(Field));
        }

        var row = RowIndex().Match(path);
        var plain = RowIndex().Replace(path, string.Empty);
        var question = IntakeItem.Questions.TryGetValue(plain, out var item) ? item.Question ?? PlainWords(item.Name) : GroupOrWords(plain);
        if (!row.Success)
        {
            return question;
        }

        // A whole row ("treatmentTrials[1]") is named by its row alone; a field of a row by its row and question.
        var isRow = IntakeItem.RepeatingGroups.ContainsKey(plain);
        var group = isRow ? IntakeItem.RepeatingGroups[plain] : IntakeItem.RepeatingGroupOf(plain);
        var label = (group?.Name == "bloodPressureReadings" ? "Blood-pressure reading " : "Treatment trial ") + (int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return isRow ? label : $"{label}: {question}";
    }

    /// <summary>A time as the pages show it: ISO 8601 in UTC, the zone stated.</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"lack-of-efficacy" or "cssrs" in plain words.</summary>
    public static string PlainWords(string code) => QuestionnaireBuilder.Humanize(code.Split('.')[^1]);

    private static string GroupOrWords(string path) =>
        IntakeItem.Flatten(IntakeItem.All).FirstOrDefault(i => i.LinkId == path) is { } group
            ? QuestionnaireBuilder.GroupTitle(group)
            : PlainWords(path);

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex RowIndex();
}
