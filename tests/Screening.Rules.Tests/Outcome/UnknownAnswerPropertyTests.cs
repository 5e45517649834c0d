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
