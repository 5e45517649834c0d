namespace Screening.Rules.Outcome;

/// <summary>
/// The outcome precedence of criteria.md §9.2, step by step: urgent, contraindicated, missing safety data, no
/// indication, indeterminate indication, missing gate data, then specialist review or refer. The first step that
/// applies decides; the findings behind it are the decisive reasons.
/// </summary>
public static class OutcomePrecedence
{
    public static OutcomeDecision Decide(CssrsRisk cssrs, int? phq9Item9, IEnumerable<Finding> allFindings, IEnumerable<IndicationAssessment> allIndications)
    {
        var findings = allFindings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var indications = allIndications.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var unknown = findings.Where(f => !f.IsPresent).ToList();
        var indeterminate = indications.Where(i => i.Status == IndicationStatus.Indeterminate).ToList();

        var step = FirstApplyingStep(cssrs, findings, indications);
        return new OutcomeDecision
        {
            Category = step.Category,
            Subtype = step.Subtype,
            Pathway = step.Pathway,
            Temporary = step.Temporary,
            DecisiveRuleIds = step.Decisive,
            CssrsLevel = cssrs.Level,
            Phq9Item9 = phq9Item9,
            SafetyFollowUpRequired = step.Category != OutcomeCategory.UrgentCrisisReferral
                && (cssrs.Level == CssrsRiskLevel.Unknown || phq9Item9 >= Thresholds.Phq9Item9PositiveAtLeast),
            Findings = findings,
            Indications = indications,
            Missing = MissingThatMatters(step.Category, unknown, indeterminate),
        };
    }

    private sealed record Step(OutcomeCategory Category, IReadOnlySet<string> Decisive)
    {
        public UrgentSubtype? Subtype { get; init; }
        public Pathway? Pathway { get; init; }
        public bool? Temporary { get; init; }

        public Step(OutcomeCategory category, IEnumerable<string> decisive)
            : this(category, decisive.ToHashSet(StringComparer.Ordinal))
        {
        }
    }

    private static Step FirstApplyingStep(CssrsRisk cssrs, List<Finding> findings, List<IndicationAssessment> indications)
    {
        var present = findings.Where(f => f.IsPresent).ToList();
        var unknown = findings.Where(f => !f.IsPresent).ToList();
        var urgent = present.Where(f => f.Kind == RuleKind.Urgent).ToList();
        var contraindications = present.Where(f => f.Kind is RuleKind.Absolute or RuleKind.Temporary).ToList();
        var cautions = present.Where(f => f.Kind == RuleKind.Relative).ToList();
        var established = indications.Where(i => i.Status == IndicationStatus.Established).ToList();

        // 1. Urgent findings override everything; the other findings are listed for the receiving clinician.
        if (urgent.Count > 0)
        {
            return new Step(OutcomeCategory.UrgentCrisisReferral, urgent.Select(f => f.RuleId))
            {
                // A medical emergency is treated first; the psychiatric findings travel with the patient.
                Subtype = urgent.Any(f => f.Subtype == UrgentSubtype.Medical) ? UrgentSubtype.Medical : UrgentSubtype.Psychiatric,
            };
        }

        // 2. An absolute contraindication; temporary only when every one found is temporary (ABS-T).
        if (contraindications.Count > 0)
        {
            return new Step(OutcomeCategory.NotEligibleContraindicated, contraindications.Select(f => f.RuleId))
            {
                Temporary = contraindications.All(f => f.Kind == RuleKind.Temporary),
            };
        }

        // 3. Missing safety data blocks everything below: completing it could make the answer urgent.
        if (unknown.Any(f => f.Kind == RuleKind.Urgent))
        {
            return new Step(OutcomeCategory.InsufficientInformation, []);
        }

        // 4. No indication established: not met, unless one could still be established.
        if (established.Count == 0)
        {
            return indications.Any(i => i.Status == IndicationStatus.Indeterminate)
                ? new Step(OutcomeCategory.InsufficientInformation, [])
                : new Step(OutcomeCategory.NotEligibleCriteriaNotMet, indications.Select(i => i.Id));
        }

        // 5. An indication is established, so unanswered gate questions (age, BP, pregnancy, contraindications) now matter.
        if (unknown.Any(f => f.Kind is RuleKind.Absolute or RuleKind.Temporary))
        {
            return new Step(OutcomeCategory.InsufficientInformation, []);
        }

        // 6. On-label TRD with no caution and C-SSRS none or low is a plain referral; anything else needs a specialist.
        var onLabelTrd = established.Any(i => i.Id == IndicationIds.Trd);
        var mdsi = established.Any(i => i.Id == IndicationIds.Mdsi);
        if (!onLabelTrd || mdsi || cautions.Count > 0 || cssrs.Level == CssrsRiskLevel.Moderate)
        {
            return new Step(OutcomeCategory.ReferWithSpecialistReview, cautions.Select(f => f.RuleId).Concat(established.Select(i => i.Id)))
            {
                // The best regulatory status decides the pathway: on-label esketamine beats any off-label indication.
                Pathway = established.Any(i => i.RegulatoryStatus == RegulatoryStatus.OnLabelEsketamine) ? Pathway.EsketamineRems : Pathway.KetamineOffLabel,
            };
        }

        return new Step(OutcomeCategory.Refer, [IndicationIds.Trd]) { Pathway = Pathway.EsketamineRems };
    }

    /// <summary>
    /// The unknown answers worth asking for: all of them when the result is insufficient; otherwise only those that
    /// could lead to a category of higher precedence that changes the action: urgent under any outcome, and cautions
    /// under a plain referral. (Under "not eligible" an unanswered contraindication changes nothing.)
    /// </summary>
    private static List<MissingItem> MissingThatMatters(OutcomeCategory category, List<Finding> unknown, List<IndicationAssessment> indeterminate)
    {
        var candidates = unknown
            .SelectMany(f => f.Missing.Select(field => (field, ruleId: f.RuleId, leadsTo: LeadsTo(f.Kind))))
            .Concat(indeterminate.SelectMany(i => i.Missing.Select(field => (field, ruleId: i.Id, leadsTo: i.LeadsTo))));

        return candidates
            .Where(c => category == OutcomeCategory.InsufficientInformation
                || (c.leadsTo < category && (c.leadsTo == OutcomeCategory.UrgentCrisisReferral || category is OutcomeCategory.Refer or OutcomeCategory.ReferWithSpecialistReview)))
            .GroupBy(c => c.field.Path, StringComparer.Ordinal)
            .Select(g => new MissingItem(
                g.First().field,
                g.Select(c => c.ruleId).Distinct().Order(StringComparer.Ordinal).ToArray(),
                g.Min(c => c.leadsTo)))
            .OrderBy(m => m.CouldChangeOutcomeTo)
            .ThenBy(m => m.Field.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static OutcomeCategory LeadsTo(RuleKind kind) => kind switch
    {
        RuleKind.Urgent => OutcomeCategory.UrgentCrisisReferral,
        RuleKind.Absolute or RuleKind.Temporary => OutcomeCategory.NotEligibleContraindicated,
        _ => OutcomeCategory.ReferWithSpecialistReview,
    };
}
