namespace Screening.Rules.TreatmentResistance;

/// <summary>
/// Counts failed adequate trials for one condition (criteria.md §3.2): confirmed = failed adequate trials (one per
/// distinct drug when the policy asks for distinct agents), possible = confirmed plus indeterminate ones. Met when
/// confirmed reaches the requirement; indeterminate when only possible does; otherwise not met.
/// </summary>
public sealed class Refractoriness(Answer met, int confirmed, int required, IReadOnlyList<Evidence> evidence, IReadOnlyList<IntakeField> missing)
{
    public Answer Met { get; } = met;
    public int Confirmed { get; } = confirmed;
    public int Required { get; } = required;
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;

    public static Refractoriness Assess(IEnumerable<TrialAssessment> trials, int required, bool distinctAgents)
    {
        var ordered = trials.OrderBy(t => t.Index).ToList();
        string Agent(TrialAssessment t) => distinctAgents ? t.Trial.Drug.Trim().ToLowerInvariant() : t.Index.ToString();

        var confirmedAgents = ordered.Where(t => t.Classification == TrialClassification.FailedAdequate).Select(Agent).ToHashSet();
        var openTrials = ordered.Where(t => t.Classification == TrialClassification.Indeterminate && !confirmedAgents.Contains(Agent(t))).ToList();
        var possible = confirmedAgents.Count + openTrials.Select(Agent).Distinct().Count();

        var evidence = ordered
            .Select(t => new Evidence($"treatmentTrials[{t.Index}]", $"{t.Trial.Drug}: {t.Reason}"))
            .ToArray();

        if (confirmedAgents.Count >= required)
        {
            return new Refractoriness(Answer.Yes, confirmedAgents.Count, required, evidence, []);
        }

        return possible >= required
            ? new Refractoriness(Answer.Unknown, confirmedAgents.Count, required, evidence, openTrials.SelectMany(t => t.Missing).ToArray())
            : new Refractoriness(Answer.No, confirmedAgents.Count, required, evidence, []);
    }
}
