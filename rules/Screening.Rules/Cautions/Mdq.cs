namespace Screening.Rules.Cautions;

/// <summary>Mood Disorder Questionnaire scoring: positive with part 1 ≥ 7, part 2 "yes" and part 3 moderate or serious (Hirschfeld 2000).</summary>
public static class Mdq
{
    public static bool Administered(MdqAnswers mdq) =>
        mdq.Part1YesCount is not null || mdq.Part2SamePeriod != Answer.Unknown || mdq.Part3ProblemLevel != MdqProblemLevel.Unknown;

    public static Answer Positive(MdqAnswers mdq) => Tri.And(
        Tri.Of(mdq.Part1YesCount is { } n ? n >= Thresholds.MdqPart1YesAtLeast : null),
        mdq.Part2SamePeriod,
        mdq.Part3ProblemLevel switch
        {
            MdqProblemLevel.Unknown => Answer.Unknown,
            MdqProblemLevel.ModerateProblem or MdqProblemLevel.SeriousProblem => Answer.Yes,
            _ => Answer.No,
        });

    public static IReadOnlyList<IntakeField> Missing(MdqAnswers mdq)
    {
        var missing = new List<IntakeField>();
        if (mdq.Part1YesCount is null)
        {
            missing.Add(Fields.MdqPart1YesCount);
        }

        if (mdq.Part2SamePeriod == Answer.Unknown)
        {
            missing.Add(Fields.MdqPart2SamePeriod);
        }

        if (mdq.Part3ProblemLevel == MdqProblemLevel.Unknown)
        {
            missing.Add(Fields.MdqPart3ProblemLevel);
        }

        return missing;
    }
}
