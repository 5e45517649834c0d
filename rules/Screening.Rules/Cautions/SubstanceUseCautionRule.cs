namespace Screening.Rules.Cautions;

[Name("RC_SUBSTANCE_USE")]
[Title("Substance use")]
[Description("A substance use disorder history (including alcohol), AUDIT 8 or more, AUDIT-C 4 or more (men) or 3 or more (women), DAST-10 3 or more, or non-medical ketamine, PCP or dissociative use in the past 12 months (sub-reason DISSOCIATIVE_MISUSE, relative or absolute by policy). AUDIT (or AUDIT-C) and DAST-10 not given are listed as worth asking, never read as 'no problem'.")]
[Kind(RuleKind.Relative)]
[Source("SPRAVATO USPI §9.2: 'Careful consideration is advised prior to use of individuals with a history of substance use disorder, including alcohol' [V]; boxed warning abuse and misuse [V]; AUDIT (Babor 2001) and DAST-10 (Skinner 1982) cut-offs [V]; mapping and dissociative handling [POLICY]", SourceStatus.Verified)]
[UsesPolicy(nameof(ScreeningPolicy.DissociativeMisuse))]
public sealed class SubstanceUseCautionRule : ScreeningRule
{
    public const string DissociativeMisuse = "DISSOCIATIVE_MISUSE";

    public override void Define()
    {
        Intake intake = null!;
        Finding? finding = null;

        When()
            .Match(() => intake)
            .Let(() => finding, () => Evaluate(intake.SubstanceUse, intake.Patient, intake.Policy))
            .Having(() => finding != null);

        Then()
            .Yield(_ => finding!);
    }

    /// <summary>AUDIT-C: 4 or more in men, 3 or more in women (and intersex: the lower cut-off); with the sex unknown, a score between the two cannot be read.</summary>
    public static Answer AuditCPositive(int score, SexAtBirth sex) =>
        sex == SexAtBirth.Unknown && score >= Thresholds.AuditCWomenAtLeast && score < Thresholds.AuditCMenAtLeast
            ? Answer.Unknown
            : Tri.Of(score >= AuditCCutOff(sex));

    private static int AuditCCutOff(SexAtBirth sex) => sex == SexAtBirth.Female || sex == SexAtBirth.Intersex
        ? Thresholds.AuditCWomenAtLeast
        : Thresholds.AuditCMenAtLeast;

    private Finding? Evaluate(SubstanceUseAnswers s, PatientInfo patient, ScreeningPolicy policy)
    {
        var reasons = new List<string>();
        var evidence = new List<Evidence>();
        var missing = new List<IntakeField>();

        if (s.SubstanceUseDisorderHistory == Answer.Yes)
        {
            reasons.Add("a history of substance use disorder");
            evidence.Add(new Evidence(Fields.SubstanceUseDisorderHistory.Path, "yes"));
        }

        if (s.AuditTotal >= Thresholds.AuditHazardousAtLeast)
        {
            reasons.Add($"AUDIT {s.AuditTotal} (≥ {Thresholds.AuditHazardousAtLeast}, hazardous drinking)");
            evidence.Add(new Evidence(Fields.AuditTotal.Path, $"{s.AuditTotal}", $"≥ {Thresholds.AuditHazardousAtLeast}"));
        }

        if (s.AuditCTotal is { } auditC)
        {
            switch (AuditCPositive(auditC, patient.SexAtBirth))
            {
                case Answer.Yes:
                    reasons.Add($"AUDIT-C {auditC} (≥ {AuditCCutOff(patient.SexAtBirth)})");
                    evidence.Add(new Evidence(Fields.AuditCTotal.Path, $"{auditC}", $"≥ {AuditCCutOff(patient.SexAtBirth)}"));
                    break;
                case Answer.Unknown:
                    missing.Add(Fields.SexAtBirth.Because($"AUDIT-C {auditC} is positive for women (≥ {Thresholds.AuditCWomenAtLeast}) but not for men (≥ {Thresholds.AuditCMenAtLeast})"));
                    break;
            }
        }

        if (s.Dast10Total >= Thresholds.Dast10ModerateAtLeast)
        {
            reasons.Add($"DAST-10 {s.Dast10Total} (≥ {Thresholds.Dast10ModerateAtLeast})");
            evidence.Add(new Evidence(Fields.Dast10Total.Path, $"{s.Dast10Total}", $"≥ {Thresholds.Dast10ModerateAtLeast}"));
        }

        var dissociative = s.NonMedicalDissociativeUsePast12Months == Answer.Yes;
        if (dissociative)
        {
            reasons.Add($"non-medical ketamine, PCP or dissociative use in the past 12 months ({DissociativeMisuse})");
            evidence.Add(new Evidence(Fields.NonMedicalDissociativeUse.Path, "yes"));
        }

        var absoluteMisuse = policy.DissociativeMisuse == DissociativeMisuseHandling.Absolute;
        if (absoluteMisuse && s.NonMedicalDissociativeUsePast12Months == Answer.Unknown)
        {
            // Under the absolute policy this answer is a contraindication question: unanswered, it holds the outcome
            // once an indication is established, whatever else is found; the rest is worth asking.
            return Finding.Unknown(Self, RuleKind.Absolute, [Fields.NonMedicalDissociativeUse], [.. OtherMissing(s, missing)]);
        }

        if (reasons.Count > 0)
        {
            var text = $"Substance use: {string.Join("; ", reasons)}. Esketamine and ketamine carry a risk of abuse and misuse; careful consideration is advised with a history of substance use disorder, including alcohol (SPRAVATO prescribing information §9.2).";
            return dissociative && absoluteMisuse
                ? Finding.Present(Self, RuleKind.Absolute, text + " Program policy makes recent dissociative misuse an absolute contraindication.", evidence.ToArray())
                : Finding.Present(Self, text + " Specialist review.", evidence.ToArray());
        }

        if (s.NonMedicalDissociativeUsePast12Months == Answer.Unknown)
        {
            missing.Add(Fields.NonMedicalDissociativeUse);
        }

        missing.AddRange(OtherMissing(s, []));
        return missing.Count > 0 ? Finding.Unknown(Self, missing) : null;
    }

    /// <summary>R2-10: the history question, and the AUDIT (or AUDIT-C) and DAST-10 when not given, are never read as "no problem".</summary>
    private static IEnumerable<IntakeField> OtherMissing(SubstanceUseAnswers s, IEnumerable<IntakeField> already)
    {
        foreach (var field in already)
        {
            yield return field;
        }

        if (s.SubstanceUseDisorderHistory == Answer.Unknown)
        {
            yield return Fields.SubstanceUseDisorderHistory;
        }

        if (s.AuditTotal is null && s.AuditCTotal is null)
        {
            yield return Fields.AuditTotal.Because("not given: the AUDIT, or the AUDIT-C, screens for hazardous drinking");
        }

        if (s.Dast10Total is null)
        {
            yield return Fields.Dast10Total.Because("not given: the DAST-10 screens for drug use problems");
        }
    }
}
