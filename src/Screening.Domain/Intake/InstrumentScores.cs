using System.ComponentModel.DataAnnotations;

namespace Screening.Domain.Intake;

/// <summary>
/// Totals and items of the standard instruments (ranges from spec §4.1). Leave out an instrument that was
/// not administered: an instrument never given does not open its indication.
/// </summary>
public sealed record InstrumentScores
{
    /// <summary>PHQ-9 (Patient Health Questionnaire-9) total and item 9.</summary>
    [Section("PHQ-9 (Patient Health Questionnaire-9), over the last 2 weeks")]
    public Phq9Scores Phq9 { get; init; } = new();

    /// <summary>GAD-7 total, 0-21. 10 or more: moderate anxiety.</summary>
    [Question("GAD-7 total score")]
    [Range(0, 21)]
    public int? Gad7Total { get; init; }

    /// <summary>PCL-5 (PTSD Checklist for DSM-5) total, 0-80.</summary>
    [Question("PCL-5 total score")]
    [Range(0, 80)]
    public int? Pcl5Total { get; init; }

    /// <summary>Y-BOCS (Yale-Brown Obsessive Compulsive Scale) total, 0-40.</summary>
    [Question("Y-BOCS total score")]
    [Range(0, 40)]
    public int? YbocsTotal { get; init; }

    /// <summary>YMRS (Young Mania Rating Scale, clinician-rated) total, 0-60. Ask for bipolar disorder or a positive MDQ.</summary>
    [Question("YMRS total score (clinician-rated)")]
    [Range(0, 60)]
    public int? YmrsTotal { get; init; }

    /// <summary>MDQ (Mood Disorder Questionnaire), its three parts.</summary>
    [Section("MDQ (Mood Disorder Questionnaire)")]
    public MdqAnswers Mdq { get; init; } = new();

    /// <summary>C-SSRS screener (Columbia Suicide Severity Rating Scale, screen version).</summary>
    [Section("C-SSRS screener (Columbia Suicide Severity Rating Scale)")]
    public CssrsScreener Cssrs { get; init; } = new();

    /// <summary>SCOFF total, 0-5 (one point per "yes"). 2 or more: likely anorexia or bulimia.</summary>
    [Question("SCOFF total score")]
    [Range(0, 5)]
    public int? ScoffTotal { get; init; }

    /// <summary>EDE-Q global score, 0-6.</summary>
    [Question("EDE-Q global score")]
    [Range(0.0, 6.0)]
    public decimal? EdeqGlobal { get; init; }

    /// <summary>Average pain in the past week on a 0-10 numeric rating scale.</summary>
    [Question("On a scale of 0 (no pain) to 10 (worst imaginable), what has the patient's average pain been over the past week?")]
    [Range(0, 10)]
    public int? PainNrsAverage { get; init; }

    /// <summary>How long the pain has lasted, in months; fractions allowed (10 weeks is about 2.3 months).</summary>
    [Question("For how many months has the patient had this pain?")]
    [Unit("mo", "months")]
    [Range(0.0, 1200.0)]
    public decimal? PainDurationMonths { get; init; }

    /// <summary>Budapest clinical diagnostic criteria for complex regional pain syndrome.</summary>
    [Section("Budapest criteria for complex regional pain syndrome")]
    public BudapestCriteria Budapest { get; init; } = new();

    /// <summary>ACR 2016 fibromyalgia criteria. Symptom duration is <c>painDurationMonths</c>.</summary>
    [Section("ACR 2016 fibromyalgia criteria")]
    public Acr2016Criteria Acr2016 { get; init; } = new();

    /// <summary>DN4 (Douleur Neuropathique 4) total, 0-10.</summary>
    [Question("DN4 total score")]
    [Range(0, 10)]
    public int? Dn4Total { get; init; }

    /// <summary>LANSS pain scale total, 0-24.</summary>
    [Question("LANSS total score")]
    [Range(0, 24)]
    public int? LanssTotal { get; init; }
}

/// <summary>PHQ-9 total and item 9 (thoughts that you would be better off dead or of hurting yourself).</summary>
public sealed record Phq9Scores
{
    /// <summary>PHQ-9 total, 0-27. 10 or more: moderate depression or worse.</summary>
    [Question("PHQ-9 total score")]
    [Range(0, 27)]
    public int? Total { get; init; }

    /// <summary>PHQ-9 item 9, 0-3. 1 or more calls for a suicide risk assessment.</summary>
    [Question("PHQ-9 item 9 (0-3): over the last 2 weeks, how often has the patient been bothered by thoughts that they would be better off dead, or of hurting themselves?")]
    [Range(0, 3)]
    public int? Item9 { get; init; }
}

/// <summary>The answer to MDQ part 3.</summary>
public enum MdqProblemLevel
{
    Unknown = 0,
    NoProblem,
    MinorProblem,
    ModerateProblem,
    SeriousProblem,
}

/// <summary>MDQ: positive with 7 or more "yes" in part 1, "yes" in part 2, and a moderate or serious problem in part 3.</summary>
public sealed record MdqAnswers
{
    /// <summary>Part 1: number of the 13 items answered "yes".</summary>
    [Question("MDQ part 1: how many of the 13 items were answered yes?")]
    [Range(0, 13)]
    public int? Part1YesCount { get; init; }

    /// <summary>Part 2: several of these happened during the same period of time.</summary>
    [Question("MDQ part 2: have several of these ever happened during the same period of time?")]
    public Answer Part2SamePeriod { get; init; }

    /// <summary>Part 3: how much of a problem any of these caused.</summary>
    [Question("MDQ part 3: how much of a problem did any of these cause the patient?")]
    public MdqProblemLevel Part3ProblemLevel { get; init; }
}

/// <summary>
/// C-SSRS screener. Items 1-5 ask about the past month; item 6 about suicidal behaviour (lifetime, and whether within the
/// past 3 months). As on the form, items 3-5 are asked only when item 2 is "yes".
/// </summary>
public sealed record CssrsScreener
{
    /// <summary>Item 1: wished to be dead or wished to go to sleep and not wake up (past month).</summary>
    [Question("C-SSRS 1, as asked of the patient: \"In the past month, have you wished you were dead or wished you could go to sleep and not wake up?\"")]
    public Answer WishToBeDead { get; init; }

    /// <summary>Item 2: non-specific active suicidal thoughts (past month).</summary>
    [Question("C-SSRS 2, as asked of the patient: \"In the past month, have you actually had any thoughts of killing yourself?\"")]
    public Answer SuicidalThoughts { get; init; }

    /// <summary>Item 3: suicidal thoughts with a method, without intent (past month).</summary>
    [Question("C-SSRS 3, as asked of the patient: \"Have you been thinking about how you might do this?\"")]
    [AskedWhenYes(nameof(SuicidalThoughts))]
    public Answer ThoughtsWithMethod { get; init; }

    /// <summary>Item 4: suicidal intent without a specific plan (past month).</summary>
    [Question("C-SSRS 4, as asked of the patient: \"Have you had these thoughts and had some intention of acting on them?\"")]
    [AskedWhenYes(nameof(SuicidalThoughts))]
    public Answer IntentWithoutPlan { get; init; }

    /// <summary>Item 5: suicidal intent with a specific plan (past month).</summary>
    [Question("C-SSRS 5, as asked of the patient: \"Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?\"")]
    [AskedWhenYes(nameof(SuicidalThoughts))]
    public Answer IntentWithPlan { get; init; }

    /// <summary>Item 6: any suicidal behaviour in the lifetime (attempt, interrupted or aborted attempt, preparatory acts).</summary>
    [Question("C-SSRS 6, as asked of the patient: \"Have you ever done anything, started to do anything, or prepared to do anything to end your life?\"")]
    public Answer SuicidalBehaviorLifetime { get; init; }

    /// <summary>Item 6, recency: the behaviour happened within the past 3 months.</summary>
    [Question("C-SSRS 6b: Was this within the past 3 months?")]
    [AskedWhenYes(nameof(SuicidalBehaviorLifetime))]
    public Answer SuicidalBehaviorPast3Months { get; init; }
}

/// <summary>Budapest clinical criteria for CRPS.</summary>
public sealed record BudapestCriteria
{
    /// <summary>Continuing pain, disproportionate to any inciting event.</summary>
    [Question("Budapest: is there continuing pain, disproportionate to any inciting event?")]
    public Answer ContinuingDisproportionatePain { get; init; }

    /// <summary>Number of the 4 symptom categories (sensory, vasomotor, sudomotor/oedema, motor/trophic) with at least one symptom reported.</summary>
    [Question("Budapest: in how many of the 4 symptom categories is at least one symptom reported?")]
    [Range(0, 4)]
    public int? SymptomCategories { get; init; }

    /// <summary>Number of the 4 sign categories with at least one sign at evaluation.</summary>
    [Question("Budapest: in how many of the 4 sign categories is at least one sign present at evaluation?")]
    [Range(0, 4)]
    public int? SignCategories { get; init; }

    /// <summary>No other diagnosis better explains the signs and symptoms.</summary>
    [Question("Budapest: is there no other diagnosis that better explains the signs and symptoms?")]
    public Answer NoBetterExplanation { get; init; }
}

/// <summary>ACR 2016 fibromyalgia criteria (Wolfe 2016).</summary>
public sealed record Acr2016Criteria
{
    /// <summary>Widespread pain index, 0-19.</summary>
    [Question("ACR 2016: widespread pain index (WPI, 0-19)")]
    [Range(0, 19)]
    public int? WidespreadPainIndex { get; init; }

    /// <summary>Symptom severity scale, 0-12.</summary>
    [Question("ACR 2016: symptom severity scale (SSS, 0-12)")]
    [Range(0, 12)]
    public int? SymptomSeverity { get; init; }

    /// <summary>Number of the 5 body regions with pain (generalised pain: 4 or more).</summary>
    [Question("ACR 2016: in how many of the 5 body regions is there pain?")]
    [Range(0, 5)]
    public int? PainRegions { get; init; }
}
