using Screening.Domain.Facts;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;
using Screening.Engine.Catalog;

namespace Screening.Engine.Explanation;

/// <summary>
/// Turns the rules' outcome decision into the response: reasons with their catalog title and source, indications,
/// missing information with the question to ask, flags, and a summary a clinician can act on.
/// </summary>
public sealed class ResultBuilder(RuleCatalog catalog, ScreeningPolicy policy)
{
    public ScreeningResult Build(OutcomeDecision decision, Guid decisionId, DateTimeOffset evaluatedAt)
    {
        var reasons = Reasons(decision);
        return new ScreeningResult
        {
            DecisionId = decisionId,
            EvaluatedAt = evaluatedAt,
            Ruleset = catalog.Version,
            Policy = policy,
            Outcome = Outcome(decision, reasons),
            Indications = decision.Indications.Select(i => new IndicationView
            {
                Id = i.Id,
                Title = catalog[i.Id].Title,
                Status = i.Status,
                RegulatoryStatus = i.RegulatoryStatus,
                EvidenceLevel = i.EvidenceLevel,
            }).ToArray(),
            Reasons = reasons,
            MissingInformation = decision.Missing.Select(m => new MissingInformation
            {
                Field = m.Field.Path,
                Question = m.Field.Question,
                NeededBy = m.NeededBy,
                CouldChangeOutcomeTo = m.CouldChangeOutcomeTo,
                Blocking = m.Blocking,
                Note = m.Field.Note,
            }).ToArray(),
            Flags = decision.Findings
                .Where(f => f.IsPresent && f.Kind == RuleKind.Info && !decision.DecisiveRuleIds.Contains(f.RuleId))
                .Select(f => new Flag { RuleId = f.RuleId, Title = catalog[f.RuleId].Title, Text = f.Text, Source = catalog[f.RuleId].Source })
                .ToArray(),
        };
    }

    private Reason[] Reasons(OutcomeDecision decision)
    {
        // An advisory is a flag, unless it decided the outcome (reassess when sober, spec §9.2 step 3b).
        var findings = decision.Findings
            .Where(f => f.IsPresent && (f.Kind != RuleKind.Info || decision.DecisiveRuleIds.Contains(f.RuleId)))
            .Select(f => Reason(f.RuleId, f.Kind, f.Text, f.Evidence, decision));
        var indications = decision.Indications
            .Select(i => Reason(i.Id, RuleKind.Indication, i.Text, i.Evidence, decision));
        return findings.Concat(indications)
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ToArray();
    }

    private Reason Reason(string ruleId, RuleKind kind, string text, IReadOnlyList<Evidence> evidence, OutcomeDecision decision)
    {
        var entry = catalog[ruleId];
        return new Reason
        {
            RuleId = ruleId,
            Kind = kind,
            Title = entry.Title,
            Text = text,
            Decisive = decision.DecisiveRuleIds.Contains(ruleId),
            Evidence = evidence.Select(e => new EvidenceView { Field = e.Field, Value = e.Value, Threshold = e.Threshold }).ToArray(),
            Source = entry.Source,
        };
    }

    private OutcomeView Outcome(OutcomeDecision decision, Reason[] reasons)
    {
        var decisive = reasons.Where(r => r.Decisive).ToArray();
        var secondary = decision.Category == OutcomeCategory.UrgentCrisisReferral
            ? reasons.Where(r => !r.Decisive && r.Kind != RuleKind.Indication).Select(r => r.RuleId).ToArray()
            : [];
        return new OutcomeView
        {
            Category = decision.Category,
            Subtype = decision.Subtype,
            Pathway = decision.Pathway,
            Temporary = decision.Temporary,
            Summary = OutcomeSummary.For(decision, decisive, secondary.Select(id => catalog[id].Title).ToArray()),
            RescreenAdvice = decision.Temporary == true ? RescreenAdvice(decisive) : null,
            SafetyFollowUpRequired = decision.SafetyFollowUpRequired,
            SafetyAdvisory = decision.SafetyFollowUpRequired ? OutcomeSummary.SafetyAdvisory(decision) : null,
            SecondaryFindings = secondary,
        };
    }

    private string RescreenAdvice(IEnumerable<Reason> decisive) =>
        "Re-screen " + string.Join(", and ", decisive.Select(r => catalog[r.RuleId].RescreenWhen).OfType<string>()) + ".";
}
