using System.Text.Json;
using System.Text.Json.Nodes;
using Screening.Domain.Json;
using Screening.Engine;
using Screening.Tests.Golden;
using Xunit.Abstractions;

namespace Screening.Rules.Tests.Outcome;

/// <summary>
/// The principle of revision 2 (R2-11), as a property over the golden cases: take every case whose outcome is not
/// insufficient information and blank each answered field in turn. The outcome may become insufficient information only
/// when the field is in the specification's blocking set for that case (spec §9.2 steps 3, 4 and 5, written out
/// below independently of the rules), and then the field must be listed as blocking.
/// </summary>
public class UnknownAnswerPropertyTests(ITestOutputHelper output)
{
    private const string Insufficient = "insufficient-information";

    // Step 3: safety data that always holds the outcome.
    private static readonly string[] CssrsItems =
    [
        "instruments.cssrs.wishToBeDead", "instruments.cssrs.suicidalThoughts", "instruments.cssrs.thoughtsWithMethod",
        "instruments.cssrs.intentWithoutPlan", "instruments.cssrs.intentWithPlan", "instruments.cssrs.suicidalBehaviorLifetime",
        "instruments.cssrs.suicidalBehaviorPast3Months",
    ];

    private static readonly string[] BloodPressure = ["vitals.systolicMmHg", "vitals.diastolicMmHg", "vitals.bloodPressureMeasuredOn", "vitals.bloodPressureReadings"];

    // Step 3 with a suspected eating disorder: the stability data (BMI, heart rate, blood pressure).
    private static readonly string[] EatingDisorderStability = ["vitals.heightCm", "vitals.weightKg", "vitals.heartRateBpm", .. BloodPressure];

    // Step 3 where the site requires them (R2-3).
    private static readonly string[] DangerToOthers = ["diagnoses.homicidalIdeation", "diagnoses.commandHallucinationsToHarm", "diagnoses.currentPsychoticSymptoms"];

    // Step 4: the data the indications are decided from, while no indication is established.
    private static readonly string[] IndicationDiagnoses =
    [
        "diagnoses.majorDepressiveDisorder", "diagnoses.currentMajorDepressiveEpisode", "diagnoses.bipolarDisorder", "diagnoses.anxietyDisorder",
        "diagnoses.ptsd", "diagnoses.ocd", "diagnoses.eatingDisorder", "diagnoses.crps", "diagnoses.fibromyalgia", "diagnoses.neuropathicPain",
    ];

    // Step 5: the gate data, once an indication is established (age, blood pressure, pregnancy, absolute contraindications).
    private static readonly string[] Gate =
    [
        "patient.dateOfBirth", "patient.sexAtBirth", "patient.ableToBecomePregnant", "patient.pregnant", .. BloodPressure,
        "contraindications.aneurysmalVascularDisease", "contraindications.arteriovenousMalformation", "contraindications.intracerebralHemorrhageHistory",
        "contraindications.ketamineHypersensitivity", "contraindications.cardiovascularEventPast6Weeks", "contraindications.raisedIntracranialPressureRisk",
        "contraindications.hepaticImpairment", "diagnoses.currentPsychoticSymptoms", "diagnoses.currentMoodElevationSymptoms", "instruments.ymrsTotal",
        "substanceUse.nonMedicalDissociativeUsePast12Months",
    ];

    [Fact]
    public void Blanking_an_answer_makes_the_outcome_insufficient_only_where_the_specification_says_it_holds()
    {
        var tried = 0;
        var unmasked = 0;
        var violations = new List<string>();
        var engines = new Dictionary<string, ScreeningEngine>(StringComparer.Ordinal);
        foreach (var golden in GoldenCase.All.Where(c => c.Expected.Category != Insufficient))
        {
            var engine = engines.TryGetValue(golden.PolicyKey, out var cached)
                ? cached
                : engines[golden.PolicyKey] = new ScreeningEngine(golden.PolicyInForce(), TimeProvider.System);
            var original = JsonNode.Parse(golden.RequestJson)!.AsObject();

            foreach (var field in AnsweredFields(original))
            {
                tried++;
                var blanked = original.DeepClone().AsObject();
                Remove(blanked, field);
                var result = Evaluate(engine, blanked);
                var category = ScreeningJson.NameOf(result.Outcome.Category);
                if (category != Insufficient)
                {
                    continue;
                }

                var blocking = result.MissingInformation.Where(m => m.Blocking).Select(m => m.Field).ToArray();
                if (blocking.Any(b => Same(b, field)))
                {
                    if (!InSpecBlockingSet(golden, original, result, field))
                    {
                        violations.Add($"{golden.Name}: blanking {field} made it hold the outcome, but the specification does not let it");
                    }
                }
                else if (!InSpecBlockingSet(golden, original, result, field) && blocking.All(b => IsUnanswered(original, b)))
                {
                    // The blanked answer only removed what outranked gaps that were already there (an urgent finding
                    // over a missing blood pressure): the outcome rests on those, which the case left unanswered.
                    unmasked++;
                }
                else
                {
                    violations.Add($"{golden.Name}: blanking {field} gave insufficient-information without listing it as blocking (blocking: {string.Join(", ", blocking)})");
                }
            }
        }

        output.WriteLine($"(case, field) pairs tried: {tried}; insufficient only through gaps the case already had: {unmasked}");
        Assert.True(tried >= 1000, $"only {tried} (case, field) pairs were tried");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    // Answers to try for a question a case leaves unanswered: each value that can move an outcome.
    private static readonly Dictionary<string, JsonNode[]> Answers = new(StringComparer.Ordinal)
    {
        ["patient.dateOfBirth"] = ["2010-06-01", "2004-01-01", "1950-01-01"],
        ["patient.sexAtBirth"] = ["female", "male"],
        ["patient.ableToBecomePregnant"] = ["yes", "no"],
        ["patient.pregnant"] = ["yes", "no"],
        ["patient.breastfeeding"] = ["yes", "no"],
        ["diagnoses.bipolarDisorder"] = ["yes", "no"],
        ["diagnoses.psychoticDisorderHistory"] = ["yes", "no"],
        ["diagnoses.currentPsychoticSymptoms"] = ["yes", "no"],
        ["diagnoses.commandHallucinationsToHarm"] = ["yes", "no"],
        ["diagnoses.homicidalIdeation"] = ["yes", "no"],
        ["diagnoses.currentMoodElevationSymptoms"] = ["yes", "no"],
        ["diagnoses.eatingDisorder"] = ["yes", "no"],
        ["instruments.phq9.item9"] = [0, 2],
        ["instruments.cssrs.wishToBeDead"] = ["yes", "no"],
        ["instruments.cssrs.suicidalThoughts"] = ["yes", "no"],
        ["instruments.cssrs.thoughtsWithMethod"] = ["yes", "no"],
        ["instruments.cssrs.intentWithoutPlan"] = ["yes", "no"],
        ["instruments.cssrs.intentWithPlan"] = ["yes", "no"],
        ["instruments.cssrs.suicidalBehaviorLifetime"] = ["yes", "no"],
        ["instruments.cssrs.suicidalBehaviorPast3Months"] = ["yes", "no"],
        ["instruments.ymrsTotal"] = [5, 20],
        ["contraindications.aneurysmalVascularDisease"] = ["yes", "no"],
        ["contraindications.arteriovenousMalformation"] = ["yes", "no"],
        ["contraindications.intracerebralHemorrhageHistory"] = ["yes", "no"],
        ["contraindications.ketamineHypersensitivity"] = ["yes", "no"],
        ["contraindications.cardiovascularEventPast6Weeks"] = ["yes", "no"],
        ["contraindications.raisedIntracranialPressureRisk"] = ["yes", "no"],
        ["contraindications.hepaticImpairment"] = ["none", "moderate", "severe"],
        ["contraindications.otherCardiovascularOrCerebrovascularDisease"] = ["yes", "no"],
        ["medications.benzodiazepinesOrSedatives"] = ["yes", "no"],
        ["medications.moodStabilizer"] = ["yes", "no"],
        ["vitals.hypertensiveCrisisSymptoms"] = ["yes", "no"],
        ["vitals.heartRateBpm"] = [35, 72],
        ["vitals.temperatureC"] = [35.5, 36.8],
        ["vitals.potassiumMmolPerL"] = [2.8, 4.1],
        ["vitals.orthostaticChange"] = ["yes", "no"],
        ["vitals.acuteWeightDeclineWithFoodRefusal"] = ["yes", "no"],
        ["substanceUse.substanceUseDisorderHistory"] = ["yes", "no"],
        ["substanceUse.intoxicatedOrWithdrawingNow"] = ["yes", "no"],
        ["substanceUse.auditTotal"] = [3, 12],
    };

    /// <summary>
    /// The other side of the principle (never a silent outcome): answering one question an intake leaves unanswered may
    /// change the outcome only when the result lists that question. The intakes: every golden case, and each with a
    /// fixed pseudo-random fifth of its answers left out, four times. The outcome: the category, urgent subtype and
    /// pathway; under an urgent referral also the urgent findings (a second emergency travels with the patient); under a
    /// referral also the cautions and advisories (what the first session must know). Not counted,
    /// as the specification intends: an answer that opens a domain the case never triggered (spec §4's entry triggers),
    /// a contraindication found where no indication was possible ("not eligible either way", §9.2), an answer the
    /// questionnaire would not ask (C-SSRS items 3-5 after a "no" to item 2, and so on), and an answer whose new
    /// outcome is insufficient information held by other questions the case already left unanswered.
    /// </summary>
    [Fact]
    public void Answering_an_unanswered_question_changes_the_outcome_only_when_the_question_is_listed()
    {
        var tried = 0;
        var violations = new List<string>();
        var engines = new Dictionary<string, ScreeningEngine>(StringComparer.Ordinal);
        var random = new Random(20261202);
        foreach (var (golden, original) in GoldenCase.All.SelectMany(golden => WithAnswersLeftOut(golden, random)))
        {
            var engine = engines.TryGetValue(golden.PolicyKey, out var cached)
                ? cached
                : engines[golden.PolicyKey] = new ScreeningEngine(golden.PolicyInForce(), TimeProvider.System);
            var before = Evaluate(engine, original);
            var listed = before.MissingInformation.Select(m => m.Field).ToHashSet(StringComparer.Ordinal);
            var opened = before.Indications.Where(i => i.Status != IndicationStatus.NotMet).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

            foreach (var (field, answers) in Answers.Where(a => IsUnanswered(original, a.Key) && Asked(original, a.Key)))
            {
                foreach (var answer in answers)
                {
                    tried++;
                    var answered = original.DeepClone().AsObject();
                    Set(answered, field, answer.DeepClone());
                    var after = Evaluate(engine, answered);
                    if (Outcome(after) == Outcome(before) || listed.Contains(field)
                        || after.Indications.Any(i => i.Status != IndicationStatus.NotMet && !opened.Contains(i.Id))
                        || (opened.Count == 0 && after.Outcome.Category == OutcomeCategory.NotEligibleContraindicated)
                        || (after.Outcome.Category == OutcomeCategory.InsufficientInformation
                            && after.MissingInformation.Where(m => m.Blocking).All(m => m.Field != field && IsUnanswered(original, m.Field))))
                    {
                        continue;
                    }

                    violations.Add($"{golden.Name} ({original.ToJsonString().Length} chars): {field} = {answer.ToJsonString()} changes [{Outcome(before)}] to [{Outcome(after)}], but the question is not listed");
                }
            }
        }

        output.WriteLine($"(intake, question, answer) triples tried: {tried}");
        Assert.True(tried >= 10_000, $"only {tried} (intake, question, answer) triples were tried");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct().Take(40)));
    }

    private static IEnumerable<(GoldenCase Golden, JsonObject Request)> WithAnswersLeftOut(GoldenCase golden, Random random)
    {
        var original = JsonNode.Parse(golden.RequestJson)!.AsObject();
        yield return (golden, original);
        var answered = AnsweredFields(original).Where(f => !f.StartsWith("treatmentTrials", StringComparison.Ordinal)).ToArray();
        for (var variant = 0; variant < 4; variant++)
        {
            var request = original.DeepClone().AsObject();
            foreach (var field in answered.Where(_ => random.Next(5) == 0))
            {
                Remove(request, field);
            }

            yield return (golden, request);
        }
    }

    private static string Outcome(Screening.Domain.Outcome.ScreeningResult result)
    {
        var outcome = result.Outcome;
        var findings = outcome.Category switch
        {
            OutcomeCategory.UrgentCrisisReferral => result.Reasons.Where(r => r.Kind == RuleKind.Urgent).Select(r => r.RuleId),
            OutcomeCategory.Refer or OutcomeCategory.ReferWithSpecialistReview =>
                result.Reasons.Where(r => r.Kind != RuleKind.Indication).Select(r => r.RuleId).Concat(result.Flags.Select(f => f.RuleId)),
            _ => [],
        };
        return $"{ScreeningJson.NameOf(outcome.Category)} {outcome.Subtype} {outcome.Pathway} {string.Join(' ', findings.Order(StringComparer.Ordinal))}".Trim();
    }

    // Questions the questionnaire asks only after another answer (spec §6.1, §6.4, §2.1 "ask only if able to become
    // pregnant", §10.3), and the eating-disorder diagnosis, which a SCOFF below 2 answers for the stability check (R2-5).
    private static bool Asked(JsonObject request, string field)
    {
        string? Value(string path) => path.Split('.').Aggregate((JsonNode?)request, (node, segment) => node?[segment])?.ToString();

        return field switch
        {
            "instruments.cssrs.thoughtsWithMethod" or "instruments.cssrs.intentWithoutPlan" or "instruments.cssrs.intentWithPlan" => Value("instruments.cssrs.suicidalThoughts") != "no",
            "instruments.cssrs.suicidalBehaviorPast3Months" => Value("instruments.cssrs.suicidalBehaviorLifetime") != "no",
            "diagnoses.commandHallucinationsToHarm" => Value("diagnoses.currentPsychoticSymptoms") == "yes",
            "patient.pregnant" => Value("patient.ableToBecomePregnant") != "no" && Value("patient.sexAtBirth") != "male",
            "patient.ableToBecomePregnant" => Value("patient.sexAtBirth") != "male",
            "diagnoses.eatingDisorder" => request["instruments"]?["scoffTotal"] is null,
            // The clinician-rated YMRS is asked for bipolar disorder (spec §10.3); otherwise the symptom question covers mood elevation.
            "instruments.ymrsTotal" => Value("diagnoses.bipolarDisorder") == "yes",
            // A clinician's YMRS below the boundary answers current mood elevation (spec §2.1: "YMRS and/or" the question).
            "diagnoses.currentMoodElevationSymptoms" => request["instruments"]?["ymrsTotal"] is null,
            _ => true,
        };
    }

    private static void Set(JsonObject request, string path, JsonNode value)
    {
        var segments = path.Split('.');
        JsonObject node = request;
        foreach (var segment in segments[..^1])
        {
            node = (node[segment] ??= new JsonObject()).AsObject();
        }

        node[segments[^1]] = value;
    }

    private static bool InSpecBlockingSet(GoldenCase golden, JsonObject original, Screening.Domain.Outcome.ScreeningResult blanked, string field)
    {
        var policy = golden.PolicyInForce();
        var plain = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", string.Empty);
        var anyEstablished = blanked.Indications.Any(i => i.Status == IndicationStatus.Established);

        var edSuspected = original["diagnoses"]?["eatingDisorder"]?.GetValue<string>() == "yes" || original["instruments"]?["scoffTotal"]?.GetValue<int>() >= 2;
        var severePressure = Pressure(original, "systolicMmHg") >= policy.SevereHypertensionSystolic || Pressure(original, "diastolicMmHg") >= policy.SevereHypertensionDiastolic;

        return CssrsItems.Contains(plain)
            || (edSuspected && EatingDisorderStability.Contains(plain))
            || (severePressure && plain == "vitals.hypertensiveCrisisSymptoms")
            || (policy.DangerToOthersQuestionsRequired && DangerToOthers.Contains(plain))
            || (!anyEstablished && (IndicationDiagnoses.Contains(plain) || plain.StartsWith("instruments.", StringComparison.Ordinal) || plain.StartsWith("treatmentTrials", StringComparison.Ordinal)))
            || (anyEstablished && Gate.Contains(plain));
    }

    // The blood pressure is one answer however it is given: a single reading, its date, or a series.
    private static bool Same(string listed, string blanked) =>
        listed == blanked || listed.StartsWith(blanked + "[", StringComparison.Ordinal) || (BloodPressure.Contains(listed) && BloodPressure.Contains(blanked));

    private static bool IsUnanswered(JsonObject request, string path)
    {
        JsonNode? node = request;
        foreach (var segment in System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+").Select(m => m.Value))
        {
            node = node is JsonArray array && int.TryParse(segment, out var index) ? array[index] : (node as JsonObject)?[segment];
        }

        return node is null || node.ToJsonString() == "\"unknown\"";
    }

    private static int? Pressure(JsonObject request, string name) =>
        request["vitals"]?[name]?.GetValue<int>()
        ?? (request["vitals"]?["bloodPressureReadings"] as JsonArray)?.Max(r => r![name]!.GetValue<int>());

    private static Screening.Domain.Outcome.ScreeningResult Evaluate(ScreeningEngine engine, JsonObject request) =>
        engine.Evaluate(JsonSerializer.Deserialize<ScreeningRequest>(request.ToJsonString(), ScreeningJson.Options)!);

    /// <summary>
    /// Every answer that can be left unanswered: each leaf value (an enum, number or date) and each list as a whole.
    /// Not: completedOn (when the answers were given, not an answer) and a trial's condition, kind and drug (required:
    /// a trial without them is not a trial).
    /// </summary>
    private static IEnumerable<string> AnsweredFields(JsonObject request, string prefix = "")
    {
        foreach (var (name, value) in request)
        {
            var path = prefix + name;
            switch (value)
            {
                case JsonObject group:
                    foreach (var field in AnsweredFields(group, path + "."))
                    {
                        yield return field;
                    }

                    break;
                case JsonArray list:
                    yield return path;
                    if (name == "treatmentTrials")
                    {
                        for (var i = 0; i < list.Count; i++)
                        {
                            foreach (var field in AnsweredFields(list[i]!.AsObject(), $"{path}[{i}].").Where(f => !IsRequiredTrialField(f)))
                            {
                                yield return field;
                            }
                        }
                    }

                    break;
                case JsonValue when path != "completedOn" && value.ToJsonString() != "\"unknown\"":
                    yield return path;
                    break;
            }
        }
    }

    private static bool IsRequiredTrialField(string path) =>
        path.EndsWith(".condition", StringComparison.Ordinal) || path.EndsWith(".kind", StringComparison.Ordinal) || path.EndsWith(".drug", StringComparison.Ordinal);

    private static void Remove(JsonObject request, string path)
    {
        var segments = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+").Select(m => m.Value).ToArray();
        JsonNode node = request;
        foreach (var segment in segments[..^1])
        {
            node = int.TryParse(segment, out var index) ? node.AsArray()[index]! : node[segment]!;
        }

        node.AsObject().Remove(segments[^1]);
    }
}
