namespace Screening.Rules.Safety;

/// <summary>
/// C-SSRS screener risk level (spec §6.1): high for item 4 or 5 in the past month or behaviour in the past
/// 3 months; moderate for item 3, or behaviour only longer ago; low for items 1-2 only; none when all are "no".
/// An unanswered item that could raise the level leaves the level unknown, because it could make the answer urgent.
/// </summary>
public static class CssrsRiskAssessor
{
    /// <summary>The items answered "yes", by name.</summary>
    private readonly record struct Endorsed(
        bool WishToBeDead,
        bool SuicidalThoughts,
        bool ThoughtsWithMethod,
        bool IntentWithoutPlan,
        bool IntentWithPlan,
        bool BehaviorLifetime,
        bool BehaviorPast3Months)
    {
        public CssrsRiskLevel Level =>
            IntentWithoutPlan || IntentWithPlan || BehaviorPast3Months ? CssrsRiskLevel.High
            : ThoughtsWithMethod || BehaviorLifetime ? CssrsRiskLevel.Moderate
            : WishToBeDead || SuicidalThoughts ? CssrsRiskLevel.Low
            : CssrsRiskLevel.None;
    }

    /// <summary>One screener item: its field, how it reads, its answer, and what a "yes" to it would mean.</summary>
    private sealed record Item(IntakeField Field, string Label, Answer Answer, Func<Endorsed, Endorsed> IfYes);

    public static CssrsRisk Assess(CssrsScreener screener)
    {
        // As on the form: items 3-5 follow only a "yes" to item 2, and the 3-month question only a "yes" to item 6.
        var skip345 = screener.SuicidalThoughts == Answer.No;
        var skipRecency = screener.SuicidalBehaviorLifetime == Answer.No;
        Item[] items =
        [
            new(Fields.CssrsWishToBeDead, "item 1 (wish to be dead)", screener.WishToBeDead, e => e with { WishToBeDead = true }),
            new(Fields.CssrsSuicidalThoughts, "item 2 (suicidal thoughts)", screener.SuicidalThoughts, e => e with { SuicidalThoughts = true }),
            new(Fields.CssrsThoughtsWithMethod, "item 3 (thoughts with a method)", skip345 ? Skipped(screener.ThoughtsWithMethod) : screener.ThoughtsWithMethod, e => e with { ThoughtsWithMethod = true }),
            new(Fields.CssrsIntentWithoutPlan, "item 4 (intent to act, no plan)", skip345 ? Skipped(screener.IntentWithoutPlan) : screener.IntentWithoutPlan, e => e with { IntentWithoutPlan = true }),
            new(Fields.CssrsIntentWithPlan, "item 5 (intent with a plan)", skip345 ? Skipped(screener.IntentWithPlan) : screener.IntentWithPlan, e => e with { IntentWithPlan = true }),
            new(Fields.CssrsBehaviorLifetime, "item 6 (suicidal behaviour, lifetime)", screener.SuicidalBehaviorLifetime, e => e with { BehaviorLifetime = true }),
            new(Fields.CssrsBehaviorPast3Months, "item 6 within the past 3 months", skipRecency ? Skipped(screener.SuicidalBehaviorPast3Months) : screener.SuicidalBehaviorPast3Months, e => e with { BehaviorPast3Months = true }),
        ];

        var endorsed = items.Where(i => i.Answer == Answer.Yes).Aggregate(default(Endorsed), (e, item) => item.IfYes(e));
        var certain = endorsed.Level;

        // An unanswered item matters only if a "yes" to it would raise the level; the question that opens it (item 2 for
        // items 3-5, item 6 for its recency) is asked with it, since a "no" there settles the rest.
        var raising = items.Where(i => i.Answer == Answer.Unknown && i.IfYes(endorsed).Level > certain).ToList();
        var opening = new (Item Opens, Item[] Opened)[] { (items[1], items[2..5]), (items[5], [items[6]]) };
        var missing = items
            .Where(i => raising.Contains(i) || opening.Any(o => o.Opens == i && i.Answer == Answer.Unknown && o.Opened.Any(raising.Contains)))
            .Select(i => i.Field)
            .ToArray();

        var evidence = items.Where(i => i.Answer == Answer.Yes).Select(i => new Evidence(i.Field.Path, "yes")).ToArray();
        if (missing.Length > 0 && certain != CssrsRiskLevel.High)
        {
            return new CssrsRisk(CssrsRiskLevel.Unknown, "C-SSRS screener incomplete: the risk level cannot be determined.", evidence, missing);
        }

        var text = certain == CssrsRiskLevel.None
            ? "C-SSRS screener: all items answered no."
            : $"C-SSRS screener: yes to {string.Join(", ", items.Where(i => i.Answer == Answer.Yes).Select(i => i.Label))}.";
        return new CssrsRisk(certain, text, evidence, []);
    }

    // A skipped item counts as not endorsed, but a "yes" recorded anyway is never ignored.
    private static Answer Skipped(Answer recorded) => recorded == Answer.Yes ? Answer.Yes : Answer.No;
}
