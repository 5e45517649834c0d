namespace Screening.Rules;

/// <summary>
/// Base of every screening rule: it knows its own identity (id, kind, subtype) from its attributes, so the findings
/// it yields carry the id the catalog lists and nothing is typed twice.
/// </summary>
public abstract class ScreeningRule : Rule
{
    protected ScreeningRule()
    {
        Metadata = RuleMetadata.Of(GetType());
        Self = Metadata.Identity;
    }

    /// <summary>This rule's catalog entry.</summary>
    protected RuleMetadata Metadata { get; }

    /// <summary>This rule's id, kind and urgent subtype.</summary>
    protected RuleIdentity Self { get; }

    /// <summary>
    /// The finding of a rule that rests on one yes / no / unknown answer: "yes" gives the reason with the answer as
    /// evidence; "unknown" names the field as missing. Callers match only answers that are not "no".
    /// </summary>
    protected Finding FromAnswer(Answer answer, IntakeField field, string text) =>
        answer == Answer.Yes
            ? Finding.Present(Self, text, new Evidence(field.Path, "yes"))
            : Finding.Unknown(Self, field);

    /// <summary>
    /// The finding of a rule that rests on several yes / no / unknown answers, any of which is enough: the reason names
    /// the ones answered "yes"; with none "yes" and some unknown, those are missing; with all "no" there is no finding.
    /// </summary>
    protected Finding? FromAnyAnswer(Func<string, string> text, params (Answer Answer, IntakeField Field, string Label)[] items)
    {
        var yes = items.Where(i => i.Answer == Answer.Yes).ToArray();
        if (yes.Length > 0)
        {
            return Finding.Present(Self, text(string.Join(", ", yes.Select(i => i.Label))),
                yes.Select(i => new Evidence(i.Field.Path, "yes")).ToArray());
        }

        var unknown = items.Where(i => i.Answer == Answer.Unknown).Select(i => i.Field).ToArray();
        return unknown.Length > 0 ? Finding.Unknown(Self, unknown) : null;
    }

    /// <summary>Rule priorities: derived classifications first, then findings, then indications, the outcome last.</summary>
    protected static class Stage
    {
        public const int Derivation = 100;
        public const int Finding = 0;
        public const int Indication = -10;
        public const int Outcome = -100;
    }
}
