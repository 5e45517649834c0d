using Screening.Rules.Advisories;

namespace Screening.Rules.Outcome;

/// <summary>
/// The outcome precedence of spec §9.2, step by step: urgent, contraindicated, missing safety data,
/// intoxicated or withdrawing now, no indication, indeterminate indication, missing gate data, then specialist review
/// or refer. The first step that applies decides; the findings behind it are the decisive reasons. Each unknown answer
/// that matters is listed as blocking (the outcome is insufficient because of it, or it is needed to leave that
/// category) or refining (worth asking; the category stands).
/// </summary>
public static class OutcomePrecedence
{
    public static OutcomeDecision Decide(CssrsRisk cssrs, int? phq9Item9, IEnumerable<Finding> allFindings, IEnumerable<IndicationAssessment> allIndications)
    {
        var findings = allFindings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var indications = allIndications.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();

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
            // R2-9: an incomplete C-SSRS needs a suicide risk assessment under every outcome, a crisis referral included
            // (an emergency team treating a hypertensive crisis or an unstable eating disorder does not assess suicide
            // risk unasked); a completed one governs (a disagreeing PHQ-9 item 9 is INFO_PHQ9_CSSRS_DISCORDANT instead).
            SafetyFollowUpRequired = cssrs.Level == CssrsRiskLevel.Unknown,
            Findings = findings,
            Indications = indications,
            Missing = MissingThatMatters(step.Category, findings, indications),
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
        var urgent = present.Where(f => f.Kind == RuleKind.Urgent).ToList();
        var contraindications = present.Where(f => IsContraindication(f.Kind)).ToList();
        var cautions = present.Where(f => f.Kind == RuleKind.Relative).ToList();
        var established = indications.Where(i => i.Status == IndicationStatus.Established).ToList();
        var reassess = present.Where(f => f.RuleId == ReassessWhenSoberAdvisoryRule.Id).Select(f => f.RuleId).ToArray();

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
        // 3b. Answers given while intoxicated or withdrawing are not a basis for a decision (R2-8).
        if (findings.Any(HoldsAtSafetyStep) || reassess.Length > 0)
        {
            return new Step(OutcomeCategory.InsufficientInformation, reassess);
        }

        // 4. No indication established: not met, unless one could still be established.
        if (established.Count == 0)
        {
            return indications.Any(i => i.Status == IndicationStatus.Indeterminate)
                ? new Step(OutcomeCategory.InsufficientInformation, [])
                : new Step(OutcomeCategory.NotEligibleCriteriaNotMet, indications.Select(i => i.Id));
        }

        // 5. An indication is established, so unanswered gate questions (age, BP, pregnancy, contraindications) now matter.
        if (findings.Any(HoldsAtGateStep))
        {
            return new Step(OutcomeCategory.InsufficientInformation, []);
        }

        // 6. On-label TRD with no caution and C-SSRS none or low is a plain referral; anything else needs a specialist.
        // MDSI (on-label too) always goes to specialist review; either on-label indication sets the REMS pathway (R2-7).
        var onLabelTrd = established.Any(i => i.Id == IndicationIds.Trd);
        var mdsi = established.Any(i => i.Id == IndicationIds.Mdsi);
        if (!onLabelTrd || mdsi || cautions.Count > 0 || cssrs.Level == CssrsRiskLevel.Moderate)
        {
            return new Step(OutcomeCategory.ReferWithSpecialistReview, cautions.Select(f => f.RuleId).Concat(established.Select(i => i.Id)))
            {
                Pathway = onLabelTrd || mdsi ? Pathway.EsketamineRems : Pathway.KetamineOffLabel,
            };
        }

        return new Step(OutcomeCategory.Refer, [IndicationIds.Trd]) { Pathway = Pathway.EsketamineRems };
    }

    private static bool IsContraindication(RuleKind kind) => kind is RuleKind.Absolute or RuleKind.Temporary;

    private static bool HoldsAtSafetyStep(Finding finding) => !finding.IsPresent && finding.Kind == RuleKind.Urgent && finding.Missing.Count > 0;

    private static bool HoldsAtGateStep(Finding finding) => !finding.IsPresent && IsContraindication(finding.Kind) && finding.Missing.Count > 0;

    /// <summary>One unknown answer a rule or indication needs, with the category it could lead to and the step at which it holds the outcome, if any.</summary>
    private sealed record Candidate(IntakeField Field, string RuleId, OutcomeCategory LeadsTo, HoldsAt HoldsAt);

    private enum HoldsAt
    {
        /// <summary>Worth asking; never holds the outcome.</summary>
        Never,

        /// <summary>Step 3: always (safety data).</summary>
        SafetyStep,

        /// <summary>Step 4: while no indication is established.</summary>
        IndicationStep,

        /// <summary>Step 5: once an indication is established.</summary>
        GateStep,
    }

    /// <summary>
    /// The unknown answers worth listing, each blocking or refining (R2-11), blocking first. Under insufficient
    /// information: every answer that holds the outcome at its step is blocking; safety questions and indication data are
    /// always listed, contraindication and caution questions only when an indication is established or could be. Under any
    /// other outcome nothing is blocking, and only what could change the action is listed: questions that could make the
    /// outcome urgent (under an urgent referral, add a second urgent finding, which travels with the patient), under "criteria
    /// not met" also intoxication at screening, and under a referral the questions that could add a caution, an advisory
    /// or an indication.
    /// </summary>
    private static List<MissingItem> MissingThatMatters(OutcomeCategory category, List<Finding> findings, List<IndicationAssessment> indications)
    {
        var anyEstablished = indications.Any(i => i.Status == IndicationStatus.Established);
        var anyPossible = anyEstablished || indications.Any(i => i.Status == IndicationStatus.Indeterminate);

        var candidates = findings.Where(f => !f.IsPresent).SelectMany(f =>
                f.Missing.Select(field => new Candidate(field, f.RuleId, LeadsTo(f, category), HoldsAtFor(f.Kind)))
                    .Concat(f.WorthAsking.Select(field => new Candidate(field, f.RuleId, LeadsTo(f, category), HoldsAt.Never))))
            .Concat(indications.Where(i => i.Status == IndicationStatus.Indeterminate)
                .SelectMany(i => i.Missing.Select(field => new Candidate(field, i.Id, i.LeadsTo, HoldsAt.IndicationStep))));

        bool Blocking(Candidate c) => category == OutcomeCategory.InsufficientInformation && c.HoldsAt switch
        {
            HoldsAt.SafetyStep => true,
            HoldsAt.IndicationStep => !anyEstablished,
            HoldsAt.GateStep => anyEstablished,
            _ => false,
        };

        bool Listed(Candidate c) => category switch
        {
            OutcomeCategory.InsufficientInformation => c.LeadsTo == OutcomeCategory.UrgentCrisisReferral || c.HoldsAt == HoldsAt.IndicationStep || anyPossible,
            OutcomeCategory.UrgentCrisisReferral or OutcomeCategory.NotEligibleContraindicated => c.LeadsTo == OutcomeCategory.UrgentCrisisReferral,
            // "Criteria not met" is decided at step 4, after 3b: answers given while intoxicated are no basis for it either.
            OutcomeCategory.NotEligibleCriteriaNotMet => c.LeadsTo is OutcomeCategory.UrgentCrisisReferral or OutcomeCategory.InsufficientInformation,
            // Under a referral, anything that could add a caution, an advisory or an indication, or change the pathway.
            _ => true,
        };

        return candidates
            .Where(Listed)
            .GroupBy(c => c.Field.Path, StringComparer.Ordinal)
            .Select(g => new MissingItem(
                g.FirstOrDefault(c => c.Field.Note is not null)?.Field ?? g.First().Field,
                g.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal).ToArray(),
                g.Min(c => c.LeadsTo),
                g.Any(Blocking)))
            .OrderByDescending(m => m.Blocking)
            .ThenBy(m => m.CouldChangeOutcomeTo)
            .ThenBy(m => IntakeOrder.Of(m.Field.Path))
            .ToList();
    }

    private static HoldsAt HoldsAtFor(RuleKind kind) => kind switch
    {
        RuleKind.Urgent => HoldsAt.SafetyStep,
        RuleKind.Absolute or RuleKind.Temporary => HoldsAt.GateStep,
        _ => HoldsAt.Never,
    };

    // Intoxication at screening is an advisory that decides the category (step 3b); another advisory leaves the category
    // as it is (its answer adds the advisory); a caution can at most add specialist review.
    private static OutcomeCategory LeadsTo(Finding finding, OutcomeCategory category) => finding switch
    {
        { RuleId: ReassessWhenSoberAdvisoryRule.Id } => OutcomeCategory.InsufficientInformation,
        { Kind: RuleKind.Info } => category,
        _ => LeadsTo(finding.Kind),
    };

    private static OutcomeCategory LeadsTo(RuleKind kind) => kind switch
    {
        RuleKind.Urgent => OutcomeCategory.UrgentCrisisReferral,
        RuleKind.Absolute or RuleKind.Temporary => OutcomeCategory.NotEligibleContraindicated,
        _ => OutcomeCategory.ReferWithSpecialistReview,
    };
}
