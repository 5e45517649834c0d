namespace Screening.Rules.Cautions;

[Name("RC_SUBSTANCE_USE")]
[Title("Substance use")]
[Description("A substance use disorder history (including alcohol), AUDIT 8 or more, AUDIT-C 4 or more (men) or 3 or more (women), DAST-10 3 or more, or non-medical ketamine, PCP or dissociative use in the past 12 months (sub-reason DISSOCIATIVE_MISUSE, relative or absolute by policy).")]
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
            .Match(() => intake, x => MayApply(x.SubstanceUse))
            .Let(() => finding, () => Evaluate(intake.SubstanceUse, intake.Patient, intake.Policy))
            .Having(() => finding != null);

        Then()
            .Yield(_ => finding!);
    }

    // A cheap first filter: nothing answered "no" everywhere and no score at a cut-off leaves nothing to find.
    private static bool MayApply(SubstanceUseAnswers s) =>
        Tri.AnyOpen(s.SubstanceUseDisorderHistory, s.NonMedicalDissociativeUsePast12Months)
        || s.AuditTotal >= Thresholds.AuditHazardousAtLeast
        || s.AuditCTotal >= Thresholds.AuditCWomenAtLeast
        || s.Dast10Total >= Thresholds.Dast10ModerateAtLeast;

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

        // AUDIT-C: 4 or more in men, 3 or more in women; a 3 with the sex unknown cannot be read either way.
        if (s.AuditCTotal is { } auditC)
        {
            var cutOff = patient.SexAtBirth == SexAtBirth.Male ? Thresholds.AuditCMenAtLeast : Thresholds.AuditCWomenAtLeast;
            if (auditC >= Thresholds.AuditCMenAtLeast || (auditC >= cutOff && patient.SexAtBirth != SexAtBirth.Unknown))
            {
                reasons.Add($"AUDIT-C {auditC} (≥ {cutOff})");
                evidence.Add(new Evidence(Fields.AuditCTotal.Path, $"{auditC}", $"≥ {cutOff}"));
            }
            else if (auditC >= Thresholds.AuditCWomenAtLeast && patient.SexAtBirth == SexAtBirth.Unknown)
            {
                missing.Add(Fields.SexAtBirth);
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

        if (reasons.Count > 0)
        {
            var absolute = dissociative && policy.DissociativeMisuse == DissociativeMisuseHandling.Absolute;
            var text = $"Substance use: {string.Join("; ", reasons)}. Esketamine and ketamine carry a risk of abuse and misuse; careful consideration is advised with a history of substance use disorder, including alcohol (SPRAVATO prescribing information §9.2).";
            return absolute
                ? Finding.Present(Self, RuleKind.Absolute, text + " Program policy makes recent dissociative misuse an absolute contraindication.", evidence.ToArray())
                : Finding.Present(Self, text + " Specialist review.", evidence.ToArray());
        }

        if (s.SubstanceUseDisorderHistory == Answer.Unknown)
        {
            missing.Add(Fields.SubstanceUseDisorderHistory);
        }

        if (s.NonMedicalDissociativeUsePast12Months == Answer.Unknown)
        {
            missing.Add(Fields.NonMedicalDissociativeUse);
        }

        return missing.Count > 0 ? Finding.Unknown(Self, missing) : null;
    }
}
