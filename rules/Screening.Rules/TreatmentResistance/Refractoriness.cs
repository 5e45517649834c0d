namespace Screening.Rules.TreatmentResistance;

/// <summary>
/// Counts failed adequate trials for one condition (spec §3.2): confirmed = failed adequate trials (one per
/// distinct active ingredient when the policy asks for distinct agents), possible = confirmed plus indeterminate ones.
/// Met when confirmed reaches the requirement; indeterminate when only possible does; otherwise not met. A history that
/// was not taken is indeterminate: it asks for the history (R2-13).
/// </summary>
public sealed class Refractoriness(Answer met, string description, IReadOnlyList<Evidence> evidence, IReadOnlyList<IntakeField> missing)
{
    public Answer Met { get; } = met;

    /// <summary>The criterion with its count, e.g. "1 failed adequate antidepressant trial (needs ≥ 2)".</summary>
    public string Description { get; } = description;

    public IReadOnlyList<Evidence> Evidence { get; } = evidence;
    public IReadOnlyList<IntakeField> Missing { get; } = missing;

    /// <param name="history">The classified treatment history.</param>
    /// <param name="condition">The condition whose trials count.</param>
    /// <param name="required">Failed adequate trials required.</param>
    /// <param name="distinctAgents">Count each active ingredient once.</param>
    /// <param name="what">What is counted, e.g. "antidepressant trials in the current episode".</param>
    public static Refractoriness Assess(TreatmentHistory history, TrialCondition condition, int required, bool distinctAgents, string what) =>
        history.Taken
            ? Count(history.For(condition).ToList(), required, distinctAgents, what)
            : NotTaken(what);

    /// <summary>
    /// OCD (spec §4, R2-6): at least the required failed adequate SRI trials, or one completed course of exposure
    /// and response prevention without remission.
    /// </summary>
    public static Refractoriness AssessOcd(TreatmentHistory history, int requiredSriTrials, bool distinctAgents)
    {
        const string What = "SRI trials, or one completed ERP course without remission";
        if (!history.Taken)
        {
            return NotTaken(What);
        }

        var trials = history.For(TrialCondition.Ocd).ToList();
        var sri = Count(trials.Where(t => t.Trial.Kind != TrialKind.Psychotherapy).ToList(), requiredSriTrials, distinctAgents, "SRI trials");
        var erp = Count(trials.Where(t => t.Trial.Kind == TrialKind.Psychotherapy).ToList(), 1, distinctAgents, "ERP course");
        var met = Tri.Or(sri.Met, erp.Met);
        var missing = met == Answer.Unknown
            ? sri.Missing.Concat(erp.Missing).ToArray()
            : [];
        return new Refractoriness(met, $"{sri.Description} or {erp.Description}", [.. sri.Evidence, .. erp.Evidence], missing);
    }

    private static Refractoriness NotTaken(string what) =>
        new(Answer.Unknown, $"treatment history not taken, so failed {what} cannot be counted", [], [Fields.TreatmentTrials]);

    private static Refractoriness Count(List<TrialAssessment> trials, int required, bool distinctAgents, string what)
    {
        var ordered = trials.OrderBy(t => t.Index).ToList();
        string Agent(TrialAssessment t) => distinctAgents ? t.Agent : t.Index.ToString();

        var confirmedAgents = ordered.Where(t => t.Classification == TrialClassification.FailedAdequate).Select(Agent).ToHashSet();
        var openTrials = ordered.Where(t => t.Classification == TrialClassification.Indeterminate && !confirmedAgents.Contains(Agent(t))).ToList();
        var possible = confirmedAgents.Count + openTrials.Select(Agent).Distinct().Count();

        var evidence = ordered.Select(t => new Evidence($"{Fields.TreatmentTrials.Path}[{t.Index}]", Explain(t))).ToArray();
        var description = $"{confirmedAgents.Count} failed adequate {what} (needs ≥ {required})";

        if (confirmedAgents.Count >= required)
        {
            return new Refractoriness(Answer.Yes, description, evidence, []);
        }

        // Undecided trials are counted in the text, so that "1 failed ... (needs ≥ 2)" is not read as a shortfall.
        return possible >= required
            ? new Refractoriness(Answer.Unknown, $"{confirmedAgents.Count} failed adequate {what} and {possible - confirmedAgents.Count} undecided (needs ≥ {required})",
                evidence, openTrials.SelectMany(t => t.Missing).ToArray())
            : new Refractoriness(Answer.No, description, evidence, []);
    }

    // An unrecognised name that counts is named for the clinician to check: it may be a second name for a drug already counted.
    private static string Explain(TrialAssessment trial) =>
        trial.AgentRecognised || trial.Classification == TrialClassification.NotCounted
            ? $"{trial.Trial.Drug}: {trial.Reason}"
            : $"{trial.Trial.Drug}: {trial.Reason}; the name is not in the drug vocabulary, so it counts as its own agent: check it";
}
