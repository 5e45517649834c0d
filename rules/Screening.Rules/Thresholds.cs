namespace Screening.Rules;

/// <summary>
/// The fixed clinical thresholds of the clinical specification, each once, with its source. Values the specification marks
/// [POLICY] or [U] are not here: they are settings of <see cref="Screening.Domain.Policy.ScreeningPolicy"/>.
/// Inequalities are part of the name: "Above" is strict (&gt;), "AtLeast" inclusive (≥), "Below" strict (&lt;).
/// </summary>
public static class Thresholds
{
    /// <summary>Adults: SPRAVATO is not approved under 18 (USPI §8.4).</summary>
    public const int AdultAgeAtLeast = 18;

    /// <summary>Antidepressant boxed warning applies to patients aged 24 or younger (USPI §5.5 Table 2).</summary>
    public const int YoungAdultAgeAtMost = 24;

    /// <summary>Age 65 and over: lower starting dose (EU/HK SmPC).</summary>
    public const int OlderAdultAgeAtLeast = 65;

    /// <summary>Blood pressure is elevated above 140/90 mmHg, strictly (USPI 2019 §5.6 "as a general guide: &gt;140/90").</summary>
    public const int ElevatedSystolicAbove = 140;

    /// <summary>See <see cref="ElevatedSystolicAbove"/>.</summary>
    public const int ElevatedDiastolicAbove = 90;

    /// <summary>PHQ-9 10 or more: moderate depression or worse (Kroenke 2001).</summary>
    public const int Phq9ModerateAtLeast = 10;

    /// <summary>PHQ-9 item 9 of 1 or more calls for a suicide risk assessment (PHQ instruction manual).</summary>
    public const int Phq9Item9PositiveAtLeast = 1;

    /// <summary>GAD-7 10 or more: moderate anxiety (Spitzer 2006).</summary>
    public const int Gad7ModerateAtLeast = 10;

    /// <summary>Y-BOCS 16 or more: moderate OCD or worse (Goodman 1989).</summary>
    public const int YbocsModerateAtLeast = 16;

    /// <summary>
    /// A response is an improvement of 50 % or more (spec §3.2: a trial with "response ≥ 50 %" is not counted; "inadequate
    /// response" is below 50 %, consensus 2021). A rating of response or remission says as much and none, minimal or
    /// partial says less, so a percentage on the other side of 50 contradicts the rating.
    /// </summary>
    public const int ResponseImprovementPercentAtLeast = 50;

    /// <summary>MDQ part 1: 7 or more "yes" items (Hirschfeld 2000).</summary>
    public const int MdqPart1YesAtLeast = 7;

    /// <summary>SCOFF 2 or more: likely anorexia nervosa or bulimia (Morgan 1999).</summary>
    public const int ScoffLikelyAtLeast = 2;

    /// <summary>BMI below 18.5 with an eating disorder: low weight (DSM-5 bands; the specification's "15.0-18.49").</summary>
    public const decimal EdLowWeightBmiBelow = 18.5m;

    /// <summary>Eating-disorder instability, adults (APA criteria, PMC2755272 Table 5): heart rate below 40 bpm.</summary>
    public const int EdHeartRateBelow = 40;

    /// <summary>Eating-disorder instability: systolic below 90 mmHg.</summary>
    public const int EdSystolicBelow = 90;

    /// <summary>Eating-disorder instability: diastolic below 60 mmHg (the specification reads 90/60 as either value).</summary>
    public const int EdDiastolicBelow = 60;

    /// <summary>Eating-disorder instability: glucose below 60 mg/dL.</summary>
    public const int EdGlucoseBelow = 60;

    /// <summary>Eating-disorder instability: potassium below 3 mEq/L (= mmol/L).</summary>
    public const decimal EdPotassiumBelow = 3.0m;

    /// <summary>Eating-disorder instability: temperature below 36.1 °C (97.0 °F).</summary>
    public const decimal EdTemperatureBelow = 36.1m;

    /// <summary>Obesity for the sleep-apnoea caution: BMI 30 or more (WHO obesity class I).</summary>
    public const decimal ObesityBmiAtLeast = 30m;

    /// <summary>AUDIT 8 or more: hazardous drinking (WHO AUDIT manual, Babor 2001).</summary>
    public const int AuditHazardousAtLeast = 8;

    /// <summary>AUDIT-C positive in men: 4 or more.</summary>
    public const int AuditCMenAtLeast = 4;

    /// <summary>AUDIT-C positive in women: 3 or more.</summary>
    public const int AuditCWomenAtLeast = 3;

    /// <summary>DAST-10 3 or more: moderate drug problems or worse (Skinner 1982).</summary>
    public const int Dast10ModerateAtLeast = 3;

    /// <summary>Chronic pain persists 3 months or more (Treede 2019 / ICD-11).</summary>
    public const int ChronicPainMonthsAtLeast = 3;

    /// <summary>Budapest: at least one symptom in 3 or more of the 4 categories (Harden 2010).</summary>
    public const int BudapestSymptomCategoriesAtLeast = 3;

    /// <summary>Budapest: at least one sign in 2 or more of the 4 categories.</summary>
    public const int BudapestSignCategoriesAtLeast = 2;

    /// <summary>ACR 2016: WPI 7 or more with SSS 5 or more (Wolfe 2016).</summary>
    public const int AcrWpiHighAtLeast = 7;

    /// <summary>ACR 2016: SSS with a WPI of 7 or more.</summary>
    public const int AcrSssWithHighWpiAtLeast = 5;

    /// <summary>ACR 2016: WPI 4-6 needs SSS 9 or more.</summary>
    public const int AcrWpiLowAtLeast = 4;

    /// <summary>ACR 2016: SSS with a WPI of 4-6.</summary>
    public const int AcrSssWithLowWpiAtLeast = 9;

    /// <summary>ACR 2016: generalised pain in 4 or more of 5 regions.</summary>
    public const int AcrPainRegionsAtLeast = 4;

    /// <summary>DN4 4 or more: neuropathic pain (Bouhassira 2005).</summary>
    public const int Dn4NeuropathicAtLeast = 4;

    /// <summary>LANSS 12 or more: neuropathic mechanisms likely (PMC7136290).</summary>
    public const int LanssNeuropathicAtLeast = 12;

    /// <summary>A trial stopped before week 4 without clear non-response is not a failure (Delphi, Sforzini 2022, rec. 10).</summary>
    public const int EarlyStopWeeksBelow = 4;
}
