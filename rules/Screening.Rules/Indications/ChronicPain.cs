using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Indications;

/// <summary>The chronicity and refractoriness every chronic-pain indication shares (spec §4).</summary>
public static class ChronicPain
{
    /// <summary>Pain 3 months or more (fractions of a month allowed), average NRS at or above the policy minimum, and the policy's failed treatments.</summary>
    public static IndicationCriteria RequireChronicRefractoryPain(this IndicationCriteria criteria, InstrumentScores i, ScreeningPolicy policy,
        TreatmentHistory history, TrialCondition condition, string treatments) =>
        criteria
            .RequireAtLeast(i.PainDurationMonths, Thresholds.ChronicPainMonthsAtLeast, Fields.PainDurationMonths, "pain duration (months)")
            .RequireAtLeast(i.PainNrsAverage, policy.PainNrsMin, Fields.PainNrsAverage, "average pain NRS")
            .RequireRefractory(Refractoriness.Assess(history, condition, policy.PainMinFailedTreatments, policy.TrdRequireDistinctAgents, treatments));

    /// <summary>
    /// CRPS (R2-5): a clinician diagnosis, or the Budapest clinical criteria (continuing disproportionate pain, symptoms in
    /// ≥ 3 and signs in ≥ 2 of 4 categories, no better explanation) met in the intake.
    /// </summary>
    public static IndicationCriteria RequireCrpsDiagnosisOrBudapest(this IndicationCriteria criteria, DiagnosisAnswers d, BudapestCriteria b)
    {
        var symptoms = Tri.Of(b.SymptomCategories is { } s ? s >= Thresholds.BudapestSymptomCategoriesAtLeast : null);
        var signs = Tri.Of(b.SignCategories is { } g ? g >= Thresholds.BudapestSignCategoriesAtLeast : null);
        var met = Tri.And(b.ContinuingDisproportionatePain, symptoms, signs, b.NoBetterExplanation);

        var evidence = new List<Evidence>
        {
            new(Fields.BudapestContinuingPain.Path, Tri.Text(b.ContinuingDisproportionatePain)),
            new(Fields.BudapestNoBetterExplanation.Path, Tri.Text(b.NoBetterExplanation)),
        };
        if (b.SymptomCategories is { } sc)
        {
            evidence.Add(new Evidence(Fields.BudapestSymptomCategories.Path, sc.ToString(), $"≥ {Thresholds.BudapestSymptomCategoriesAtLeast}"));
        }

        if (b.SignCategories is { } gc)
        {
            evidence.Add(new Evidence(Fields.BudapestSignCategories.Path, gc.ToString(), $"≥ {Thresholds.BudapestSignCategoriesAtLeast}"));
        }

        var missing = new[]
        {
            (b.ContinuingDisproportionatePain, Fields.BudapestContinuingPain),
            (symptoms, Fields.BudapestSymptomCategories),
            (signs, Fields.BudapestSignCategories),
            (b.NoBetterExplanation, Fields.BudapestNoBetterExplanation),
        }.Where(x => x.Item1 == Answer.Unknown).Select(x => x.Item2);

        return criteria.RequireDiagnosisOrScreen(d.Crps, Fields.Crps, met, missing,
            $"clinician CRPS diagnosis: {Tri.Text(d.Crps)}; Budapest criteria: disproportionate pain {Tri.Text(b.ContinuingDisproportionatePain)}, symptom categories {b.SymptomCategories?.ToString() ?? "not given"} (needs ≥ {Thresholds.BudapestSymptomCategoriesAtLeast}), sign categories {b.SignCategories?.ToString() ?? "not given"} (needs ≥ {Thresholds.BudapestSignCategoriesAtLeast}), no better explanation {Tri.Text(b.NoBetterExplanation)} (needs the diagnosis or the criteria met)",
            evidence);
    }

    /// <summary>ACR 2016: (WPI ≥ 7 and SSS ≥ 5, or WPI 4-6 and SSS ≥ 9) and pain in ≥ 4 of 5 regions. Duration is checked with the other pain criteria.</summary>
    public static IndicationCriteria RequireAcr2016(this IndicationCriteria criteria, Acr2016Criteria a)
    {
        var (wpi, sss) = (a.WidespreadPainIndex, a.SymptomSeverity);
        var severity = wpi is { } w && sss is { } s
            ? Tri.Of((w >= Thresholds.AcrWpiHighAtLeast && s >= Thresholds.AcrSssWithHighWpiAtLeast)
                     || (w >= Thresholds.AcrWpiLowAtLeast && w < Thresholds.AcrWpiHighAtLeast && s >= Thresholds.AcrSssWithLowWpiAtLeast))
            // With one value missing, the other can still rule the criterion out.
            : wpi < Thresholds.AcrWpiLowAtLeast || sss < Thresholds.AcrSssWithHighWpiAtLeast ? Answer.No : Answer.Unknown;
        var regions = Tri.Of(a.PainRegions is { } r ? r >= Thresholds.AcrPainRegionsAtLeast : null);
        var met = Tri.And(severity, regions);

        var evidence = new List<Evidence>();
        if (wpi is { } wv)
        {
            evidence.Add(new Evidence(Fields.AcrWidespreadPainIndex.Path, wv.ToString(), $"≥ {Thresholds.AcrWpiHighAtLeast} (or {Thresholds.AcrWpiLowAtLeast}-{Thresholds.AcrWpiHighAtLeast - 1})"));
        }

        if (sss is { } sv)
        {
            evidence.Add(new Evidence(Fields.AcrSymptomSeverity.Path, sv.ToString(), $"≥ {Thresholds.AcrSssWithHighWpiAtLeast} (or ≥ {Thresholds.AcrSssWithLowWpiAtLeast})"));
        }

        if (a.PainRegions is { } rv)
        {
            evidence.Add(new Evidence(Fields.AcrPainRegions.Path, rv.ToString(), $"≥ {Thresholds.AcrPainRegionsAtLeast}"));
        }

        var missing = new List<IntakeField>();
        if (severity == Answer.Unknown)
        {
            missing.AddRange(new[] { (wpi, Fields.AcrWidespreadPainIndex), (sss, Fields.AcrSymptomSeverity) }.Where(x => x.Item1 is null).Select(x => x.Item2));
        }

        if (regions == Answer.Unknown)
        {
            missing.Add(Fields.AcrPainRegions);
        }

        return criteria.Require(met,
            $"ACR 2016: WPI {wpi?.ToString() ?? "not given"}, SSS {sss?.ToString() ?? "not given"}, pain regions {a.PainRegions?.ToString() ?? "not given"} (needs WPI ≥ {Thresholds.AcrWpiHighAtLeast} with SSS ≥ {Thresholds.AcrSssWithHighWpiAtLeast}, or WPI {Thresholds.AcrWpiLowAtLeast}-{Thresholds.AcrWpiHighAtLeast - 1} with SSS ≥ {Thresholds.AcrSssWithLowWpiAtLeast}; ≥ {Thresholds.AcrPainRegionsAtLeast} of 5 regions)",
            evidence, missing);
    }
}
