using System.Net;
using System.Text.Json;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

[Collection(SharedApi.Name)]
public class RuleCatalogTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAuthorizedClient();

    /// <summary>The 51 rule ids of the clinical specification: 12 CI, 19 RC, 6 INFO, 10 IND, 4 URG.</summary>
    public static readonly string[] SpecifiedRuleIds =
    [
        "CI_ANEURYSMAL_VASCULAR_DISEASE", "CI_AVM", "CI_ICH_HISTORY", "CI_HYPERSENSITIVITY", "CI_RECENT_CV_EVENT_6W", "CI_RAISED_ICP",
        "CI_SEVERE_UNCONTROLLED_HTN", "CI_PREGNANCY", "CI_AGE_UNDER_18", "CI_ACTIVE_PSYCHOSIS", "CI_CURRENT_MOOD_ELEVATION", "CI_SEVERE_HEPATIC",
        "RC_ELEVATED_BP", "RC_CV_CEREBROVASCULAR", "RC_HYPERTENSIVE_ENCEPHALOPATHY_HX", "RC_RESPIRATORY", "RC_HYPERTHYROID_UNTREATED", "RC_GLAUCOMA_IOP",
        "RC_PSYCHOSIS_HISTORY", "RC_BIPOLAR", "RC_NO_MOOD_STABILIZER", "RC_MDQ_POSITIVE", "RC_SUBSTANCE_USE", "RC_CNS_DEPRESSANTS", "RC_STIMULANT_MAOI",
        "RC_MODERATE_HEPATIC", "RC_BREASTFEEDING", "RC_AGE_65_PLUS", "RC_CYSTITIS_LUTS", "RC_ED_LOW_WEIGHT", "RC_CSSRS_MODERATE",
        "INFO_YOUNG_ADULT_18_24", "INFO_REPRODUCTIVE_POTENTIAL", "INFO_TRANSPORT_REQUIRED", "INFO_CSSRS_LOW", "INFO_PHQ9_CSSRS_DISCORDANT", "INFO_REASSESS_WHEN_SOBER",
        "IND_TRD", "IND_MDSI", "IND_BIPOLAR_DEP", "IND_PTSD", "IND_OCD", "IND_ANXIETY", "IND_EATING_DISORDER", "IND_PAIN_CRPS", "IND_PAIN_FIBROMYALGIA", "IND_PAIN_NEUROPATHIC",
        "URG_SUICIDE_RISK_HIGH", "URG_HYPERTENSIVE_EMERGENCY", "URG_ED_MEDICAL_INSTABILITY", "URG_DANGER_TO_OTHERS_OR_COMMAND_HALLUCINATIONS",
    ];

    [Fact]
    public async Task The_catalog_lists_all_51_specified_rules_each_with_title_kind_description_and_source()
    {
        using var catalog = JsonDocument.Parse(await _client.GetStringAsync("/v1/rules"));
        var rules = catalog.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal(51, SpecifiedRuleIds.Length);
        Assert.Empty(SpecifiedRuleIds.Except(rules.Keys));
        foreach (var rule in rules.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("description").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("source").GetProperty("citation").GetString()));
            Assert.Contains(rule.GetProperty("source").GetProperty("status").GetString(), new[] { "V", "P", "U", "POLICY" });
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("kind").GetString()));
        }

        Assert.All(rules.Values.Where(r => r.GetProperty("kind").GetString() == "indication"),
            r => Assert.Matches("^E[1-4]$", r.GetProperty("evidenceLevel").GetString()));
    }

    [Fact]
    public async Task One_rule_by_id()
    {
        using var rule = JsonDocument.Parse(await _client.GetStringAsync("/v1/rules/RC_ELEVATED_BP"));

        Assert.Equal("relative", rule.RootElement.GetProperty("kind").GetString());
        Assert.Contains(">140/90", rule.RootElement.GetProperty("source").GetProperty("citation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_rule_id_is_a_404_problem()
    {
        var response = await _client.GetAsync("/v1/rules/CI_NOPE");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_ruleset_gives_version_hash_and_the_policy_the_results_carry()
    {
        using var ruleset = JsonDocument.Parse(await _client.GetStringAsync("/v1/ruleset"));
        var root = ruleset.RootElement;

        Assert.Matches(@"^\d+\.\d+\.\d+$", root.GetProperty("version").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("hash").GetString());
        Assert.Equal("default", root.GetProperty("policy").GetProperty("profile").GetString());
        Assert.Equal(2, root.GetProperty("policy").GetProperty("trdMinFailedTrials").GetInt32());
    }
}
