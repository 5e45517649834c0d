namespace Screening.Fhir;

/// <summary>One item of a standard instrument: its LOINC code and wording.</summary>
public sealed record InstrumentItem(string LinkId, string Loinc, string Text);

/// <summary>
/// The item-level questions of the PHQ-9 and GAD-7 panels, which the Questionnaire asks so an EHR form can score them
/// (the intake model keeps the totals and PHQ-9 item 9, which are what the rules read). LOINC codes and wording as
/// listed by LOINC for panels 44249-1 and 69737-5 (loinc.org/44249-1, loinc.org/69737-5, and the PHQ-SADS panel
/// loinc.org/69729-2, which lists both); answer codes from LOINC answer list LL358-3.
/// </summary>
public static class InstrumentPanels
{
    public const string Phq9Panel = "44249-1";
    public const string Phq9Total = "44261-6";
    public const string Gad7Panel = "69737-5";
    public const string Gad7Total = "70274-6";

    /// <summary>LOINC LL358-3, "Not at all" ... "Nearly every day", scoring 0 to 3.</summary>
    public static readonly (string Code, string Display)[] FrequencyAnswers =
    [
        ("LA6568-5", "Not at all"),
        ("LA6569-3", "Several days"),
        ("LA6570-1", "More than half the days"),
        ("LA6571-9", "Nearly every day"),
    ];

    /// <summary>PHQ-9 items 1-9; item 9 is the intake model's <c>instruments.phq9.item9</c>.</summary>
    public static readonly InstrumentItem[] Phq9 =
    [
        new("instruments.phq9.item1", "44250-9", "Little interest or pleasure in doing things"),
        new("instruments.phq9.item2", "44255-8", "Feeling down, depressed, or hopeless"),
        new("instruments.phq9.item3", "44259-0", "Trouble falling or staying asleep, or sleeping too much"),
        new("instruments.phq9.item4", "44254-1", "Feeling tired or having little energy"),
        new("instruments.phq9.item5", "44251-7", "Poor appetite or overeating"),
        new("instruments.phq9.item6", "44258-2", "Feeling bad about yourself - or that you are a failure or have let yourself or your family down"),
        new("instruments.phq9.item7", "44252-5", "Trouble concentrating on things, such as reading the newspaper or watching television"),
        new("instruments.phq9.item8", "44253-3", "Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual"),
        new("instruments.phq9.item9", "44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way"),
    ];

    /// <summary>GAD-7 items 1-7.</summary>
    public static readonly InstrumentItem[] Gad7 =
    [
        new("instruments.gad7.item1", "69725-0", "Feeling nervous, anxious or on edge"),
        new("instruments.gad7.item2", "68509-9", "Not being able to stop or control worrying"),
        new("instruments.gad7.item3", "69733-4", "Worrying too much about different things"),
        new("instruments.gad7.item4", "69734-2", "Trouble relaxing"),
        new("instruments.gad7.item5", "69735-9", "Being so restless that it is hard to sit still"),
        new("instruments.gad7.item6", "69689-8", "Becoming easily annoyed or irritable"),
        new("instruments.gad7.item7", "69736-7", "Feeling afraid as if something awful might happen"),
    ];
}
