namespace Screening.Rules.Safety;

/// <summary>
/// C-SSRS screener risk level (criteria.md §6.1): high for item 4 or 5 in the past month or behaviour in the past
/// 3 months; moderate for item 3, or behaviour only longer ago; low for items 1-2 only; none when all are "no".
/// An unanswered item that could raise the level leaves the level unknown, because it could make the answer urgent.
/// </summary>
public static class CssrsRiskAssessor
{
    private sealed record Item(IntakeField Field, string Label, Answer Answer);

    public static CssrsRisk Assess(CssrsScreener screener)
    {
        // As on the form: items 3-5 follow only a "yes" to item 2, and the 3-month question only a "yes" to item 6.
        var skip345 = screener.SuicidalThoughts == Answer.No;
        Item[] items =
        [
            new(Fields.CssrsWishToBeDead, "item 1 (wish to be dead)", screener.WishToBeDead),
            new(Fields.CssrsSuicidalThoughts, "item 2 (suicidal thoughts)", screener.SuicidalThoughts),
            new(Fields.CssrsThoughtsWithMethod, "item 3 (thoughts with a method)", skip345 ? Skipped(screener.ThoughtsWithMethod) : screener.ThoughtsWithMethod),
            new(Fields.CssrsIntentWithoutPlan, "item 4 (intent to act, no plan)", skip345 ? Skipped(screener.IntentWithoutPlan) : screener.IntentWithoutPlan),
            new(Fields.CssrsIntentWithPlan, "item 5 (intent with a plan)", skip345 ? Skipped(screener.IntentWithPlan) : screener.IntentWithPlan),
            new(Fields.CssrsBehaviorLifetime, "item 6 (suicidal behaviour, lifetime)", screener.SuicidalBehaviorLifetime),
            new(Fields.CssrsBehaviorPast3Months, "item 6 within the past 3 months",
                screener.SuicidalBehaviorLifetime == Answer.No ? Skipped(screener.SuicidalBehaviorPast3Months) : screener.SuicidalBehaviorPast3Months),
        ];

        var endorsed = items.Select(i => i.Answer == Answer.Yes).ToArray();
        var certain = Level(endorsed);
        var missing = new List<IntakeField>();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Answer != Answer.Unknown)
            {
                continue;
            }

            // An unanswered item matters only if a "yes" to it would raise the level.
            var ifYes = (bool[])endorsed.Clone();
            ifYes[i] = true;
            if (Level(ifYes) > certain)
            {
                missing.Add(items[i].Field);
            }
        }

        var evidence = items.Where(i => i.Answer == Answer.Yes).Select(i => new Evidence(i.Field.Path, "yes")).ToArray();
        if (missing.Count > 0 && certain != CssrsRiskLevel.High)
        {
            return new CssrsRisk(CssrsRiskLevel.Unknown, "C-SSRS screener incomplete: the risk level cannot be determined.", evidence, missing);
        }

        var yesItems = string.Join(", ", items.Where(i => i.Answer == Answer.Yes).Select(i => i.Label));
        var text = certain switch
        {
            CssrsRiskLevel.None => "C-SSRS screener: all items answered no.",
            _ => $"C-SSRS screener: yes to {yesItems}.",
        };
        return new CssrsRisk(certain, text, evidence, []);
    }

    // A skipped item counts as not endorsed, but a "yes" recorded anyway is never ignored.
    private static Answer Skipped(Answer recorded) => recorded == Answer.Yes ? Answer.Yes : Answer.No;

    private static CssrsRiskLevel Level(bool[] yes)
    {
        // Order of items: 1 wish dead, 2 thoughts, 3 method, 4 intent, 5 plan, 6 behaviour lifetime, 6b past 3 months.
        if (yes[3] || yes[4] || yes[6])
        {
            return CssrsRiskLevel.High;
        }

        if (yes[2] || yes[5])
        {
            return CssrsRiskLevel.Moderate;
        }

        return yes[0] || yes[1] ? CssrsRiskLevel.Low : CssrsRiskLevel.None;
    }
}
