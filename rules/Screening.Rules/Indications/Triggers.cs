namespace Screening.Rules.Indications;

/// <summary>
/// Entry triggers (spec §4, [POLICY]): an indication is evaluated only when its domain is triggered by a
/// diagnosis answered "yes" or an administered instrument. An untriggered indication is not met, never "insufficient".
/// </summary>
public static class Triggers
{
    public static bool Depression(DiagnosisAnswers d, InstrumentScores i) =>
        d.MajorDepressiveDisorder == Answer.Yes || d.CurrentMajorDepressiveEpisode == Answer.Yes || i.Phq9.Total is not null;

    public static bool Ptsd(DiagnosisAnswers d, InstrumentScores i) => d.Ptsd == Answer.Yes || i.Pcl5Total is not null;

    public static bool Ocd(DiagnosisAnswers d, InstrumentScores i) => d.Ocd == Answer.Yes || i.YbocsTotal is not null;

    public static bool Anxiety(DiagnosisAnswers d, InstrumentScores i) => d.AnxietyDisorder == Answer.Yes || i.Gad7Total is not null;

    public static bool EatingDisorder(DiagnosisAnswers d, InstrumentScores i) =>
        d.EatingDisorder == Answer.Yes || i.ScoffTotal is not null || i.EdeqGlobal is not null;

    public static bool Crps(DiagnosisAnswers d, InstrumentScores i) =>
        d.Crps == Answer.Yes || i.Budapest.ContinuingDisproportionatePain != Answer.Unknown
        || i.Budapest.SymptomCategories is not null || i.Budapest.SignCategories is not null;

    public static bool Fibromyalgia(DiagnosisAnswers d, InstrumentScores i) =>
        d.Fibromyalgia == Answer.Yes || i.Acr2016.WidespreadPainIndex is not null || i.Acr2016.SymptomSeverity is not null;

    public static bool NeuropathicPain(DiagnosisAnswers d, InstrumentScores i) =>
        d.NeuropathicPain == Answer.Yes || i.Dn4Total is not null || i.LanssTotal is not null;
}
