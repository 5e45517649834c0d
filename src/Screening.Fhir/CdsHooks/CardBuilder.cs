using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Screening.Domain.Outcome;

namespace Screening.Fhir.CdsHooks;

/// <summary>
/// A screening result as one CDS Hooks card: a summary of at most 140 characters, an indicator by category, the
/// reasons and their sources in markdown, the source, override reasons, and for a referral a suggestion to create
/// a draft ServiceRequest.
/// </summary>
public static class CardBuilder
{
    public const int MaxSummaryLength = 140;

    /// <summary>critical for urgent and contraindicated, warning for insufficient and specialist review, info for refer and not met.</summary>
    public static string IndicatorFor(OutcomeCategory category) => category switch
    {
        OutcomeCategory.UrgentCrisisReferral or OutcomeCategory.NotEligibleContraindicated => "critical",
        OutcomeCategory.InsufficientInformation or OutcomeCategory.ReferWithSpecialistReview => "warning",
        OutcomeCategory.Refer or OutcomeCategory.NotEligibleCriteriaNotMet => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "No indicator for this category."),
    };

    public static Card Build(ScreeningResult result, string patientId, string? userId, string? questionnaireResponseId, string? sourceUrl, FhirCanonicals canonicals)
    {
        var category = GuidanceResponseBuilder.CategoryCoding(result.Outcome.Category, canonicals);
        var topic = new CdsCoding(category.System!, category.Code!, category.Display);
        var isReferral = result.Outcome.Category is OutcomeCategory.Refer or OutcomeCategory.ReferWithSpecialistReview;
        return new Card
        {
            Uuid = result.DecisionId,
            Summary = Summary(result.Outcome.Summary),
            Detail = Detail(result),
            Indicator = IndicatorFor(result.Outcome.Category),
            Source = new CardSource($"Ketamine referral screening, ruleset {result.Ruleset.Version}", sourceUrl, topic),
            Suggestions = isReferral ? [Referral(result, patientId, userId, questionnaireResponseId, canonicals)] : null,
            SelectionBehavior = isReferral ? "at-most-one" : null,
            OverrideReasons = ScreeningCdsService.OverrideReasons(canonicals),
        };
    }

    /// <summary>The outcome's summary (which names the category), cut at a word to at most 140 characters.</summary>
    private static string Summary(string summary)
    {
        if (summary.Length <= MaxSummaryLength)
        {
            return summary;
        }

        var cut = summary.LastIndexOf(' ', MaxSummaryLength - 2);
        return string.Concat(summary.AsSpan(0, cut > 0 ? cut : MaxSummaryLength - 1), "…");
    }

    private static string Detail(ScreeningResult result)
    {
        var markdown = new StringBuilder();
        markdown.Append(Escape(result.Outcome.Summary)).Append("\n\n");
        if (result.Outcome.SafetyAdvisory is { } safety)
        {
            markdown.Append("**Safety:** ").Append(Escape(safety)).Append("\n\n");
        }

        if (result.Outcome.RescreenAdvice is { } rescreen)
        {
            markdown.Append("**Re-screen:** ").Append(Escape(rescreen)).Append("\n\n");
        }

        if (result.Reasons.Count > 0)
        {
            markdown.Append("**Reasons**\n\n");
            foreach (var reason in result.Reasons.OrderByDescending(r => r.Decisive))
            {
                markdown.Append("- ").Append(reason.Decisive ? "**" + Escape(reason.Title) + "**" : Escape(reason.Title))
                    .Append(" (`").Append(reason.RuleId).Append("`): ").Append(Escape(reason.Text))
                    .Append(" *Source: ").Append(Escape(reason.Source.Citation)).Append(" [").Append(Escape(reason.Source.Status.ToString().ToUpperInvariant())).Append("]*\n");
            }

            markdown.Append('\n');
        }

        AppendQuestions(markdown, "Ask now", result.MissingInformation.Where(m => m.Blocking));
        AppendQuestions(markdown, "Worth asking", result.MissingInformation.Where(m => !m.Blocking));

        if (result.Flags.Count > 0)
        {
            markdown.Append("**For the treating team**\n\n");
            foreach (var flag in result.Flags)
            {
                markdown.Append("- ").Append(Escape(flag.Text)).Append(" (`").Append(flag.RuleId).Append("`)\n");
            }

            markdown.Append('\n');
        }

        markdown.Append("Decision ").Append(result.DecisionId).Append(", ruleset ").Append(Escape(result.Ruleset.Version))
            .Append(". Decision support for a clinician, not a diagnosis.");
        return markdown.ToString();
    }

    private static void AppendQuestions(StringBuilder markdown, string heading, IEnumerable<MissingInformation> questions)
    {
        var list = questions.ToList();
        if (list.Count == 0)
        {
            return;
        }

        markdown.Append("**").Append(heading).Append("**\n\n");
        foreach (var missing in list)
        {
            markdown.Append("- ").Append(Escape(missing.Question));
            if (missing.Note is { } note)
            {
                markdown.Append(" (").Append(Escape(note)).Append(')');
            }

            markdown.Append(" (`").Append(GuidanceResponseBuilder.LinkIdOf(missing.Field)).Append("`)\n");
        }

        markdown.Append('\n');
    }

    /// <summary>The suggestion to create a draft referral (ServiceRequest, intent proposal) for the clinician to complete.</summary>
    private static Suggestion Referral(ScreeningResult result, string patientId, string? userId, string? questionnaireResponseId, FhirCanonicals canonicals)
    {
        var specialist = result.Outcome.Category == OutcomeCategory.ReferWithSpecialistReview;
        var request = new ServiceRequest
        {
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Subject = new ResourceReference($"Patient/{patientId}"),
            Code = new CodeableConcept { Text = specialist
                ? "Referral for specialist assessment for ketamine or esketamine treatment"
                : "Referral for assessment for ketamine or esketamine treatment" },
            ReasonCode = result.Indications
                .Where(i => i.Status == IndicationStatus.Established)
                .Select(i => new CodeableConcept(canonicals.RuleSystem, i.Id, i.Title, i.Title))
                .ToList(),
            Requester = userId is null ? null : new ResourceReference(userId),
            SupportingInfo = questionnaireResponseId is null ? [] : [new ResourceReference($"QuestionnaireResponse/{questionnaireResponseId}")],
            Note = [new Annotation { Text = $"{result.Outcome.Summary} (screening decision {result.DecisionId}, ruleset {result.Ruleset.Version})" }],
        };

        return new Suggestion(
            specialist ? "Draft a referral for specialist review" : "Draft a referral for ketamine/esketamine assessment",
            DeterministicUuid(result.DecisionId),
            IsRecommended: true,
            [new SuggestionAction("create", "Create a draft referral (ServiceRequest) for the clinician to review and sign.",
                JsonNode.Parse(FhirJson.Serialize(request))!.AsObject())]);
    }

    /// <summary>The suggestion's id, derived from the card's so that feedback on either joins to the decision.</summary>
    private static Guid DeterministicUuid(Guid decisionId)
    {
        var bytes = decisionId.ToByteArray();
        bytes[0] ^= 0x5A;
        return new Guid(bytes);
    }

    /// <summary>Escapes markdown so that text (which can contain values from the questionnaire) cannot add emphasis, code, links, images, tables or HTML.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            if (character is '\\' or '`' or '*' or '_' or '[' or ']' or '!' or '<' or '>' or '|' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(character is '\r' or '\n' ? ' ' : character);
        }

        return escaped.ToString();
    }
}
