namespace Screening.Rules;

/// <summary>Three-valued logic over <see cref="Answer"/>: unknown stays unknown unless the known parts decide.</summary>
public static class Tri
{
    public static Answer Of(bool? value) => value switch
    {
        true => Answer.Yes,
        false => Answer.No,
        null => Answer.Unknown,
    };

    /// <summary>Yes when all are yes; no when any is no; otherwise unknown.</summary>
    public static Answer And(params ReadOnlySpan<Answer> answers)
    {
        var result = Answer.Yes;
        foreach (var answer in answers)
        {
            if (answer == Answer.No)
            {
                return Answer.No;
            }

            if (answer == Answer.Unknown)
            {
                result = Answer.Unknown;
            }
        }

        return result;
    }

    /// <summary>Yes when any is yes; no when all are no; otherwise unknown.</summary>
    public static Answer Or(params ReadOnlySpan<Answer> answers)
    {
        var result = Answer.No;
        foreach (var answer in answers)
        {
            if (answer == Answer.Yes)
            {
                return Answer.Yes;
            }

            if (answer == Answer.Unknown)
            {
                result = Answer.Unknown;
            }
        }

        return result;
    }

    /// <summary>
    /// True when any answer is not "no": the rule may find something (yes) or something is missing (unknown).
    /// Fixed arities rather than params, because rule conditions are expression trees.
    /// </summary>
    public static bool AnyOpen(Answer first, Answer second) => first != Answer.No || second != Answer.No;

    /// <inheritdoc cref="AnyOpen(Answer, Answer)"/>
    public static bool AnyOpen(Answer first, Answer second, Answer third) => AnyOpen(first, second) || third != Answer.No;

    /// <summary>The answer as it reads in evidence.</summary>
    public static string Text(Answer answer) => answer switch
    {
        Answer.Yes => "yes",
        Answer.No => "no",
        _ => "unknown",
    };
}
