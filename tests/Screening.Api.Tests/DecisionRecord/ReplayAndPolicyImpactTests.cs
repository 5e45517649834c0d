using Screening.Api.DecisionRecord;
using System.Net;
using System.Text.Json.Nodes;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.DecisionRecord;

/// <summary>Two services on one decision record: the policy in force, and one where a trial needs 10 weeks at dose instead of 6.</summary>
public sealed class SharedRecord : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shared-record-").FullName;

    public SharedRecord()
    {
        var database = $"Data Source={Path.Combine(_directory, "decisions.db")}";
        Before = new SharedRecordFactory(new() { ["Screening:DecisionLog:ConnectionString"] = database });
        After = new SharedRecordFactory(new() { ["Screening:DecisionLog:ConnectionString"] = database, ["Screening:Policy:TrialMinWeeksAtDose"] = "10" });
    }

    public RecordApiFactory Before { get; }

    public RecordApiFactory After { get; }

    public void Dispose()
    {
        Before.Dispose();
        After.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class SharedRecordFactory(Dictionary<string, string?> settings) : RecordApiFactory(settings);
}

/// <summary>
/// Replay re-evaluates a kept decision under the rules and policy in force now and names every difference; a policy
/// impact does that for a window and counts the transitions. Neither writes anything.
/// </summary>
public class ReplayAndPolicyImpactTests(SharedRecord record) : IClassFixture<SharedRecord>
{
    [Fact]
    public async Task Replay_under_the_same_policy_changes_nothing()
    {
        var id = await DecideAsync(record.Before, "refer");

        var replay = JsonNode.Parse(await (await record.Before.CreateAuthorizedClient().PostAsync($"/v1/screenings/{id}/replay", null)).Content.ReadAsStringAsync())!;

        Assert.False(replay["changed"]!.GetValue<bool>());
        Assert.Empty(replay["differences"]!.AsArray());
        Assert.Empty(replay["missingInformationDifferences"]!.AsArray());
        Assert.Equal("refer", replay["original"]!["category"]!.GetValue<string>());
        Assert.Equal(replay["original"]!["policy"]!.ToJsonString(), replay["current"]!["policy"]!.ToJsonString());
    }

    [Fact]
    public async Task Replay_under_a_changed_policy_names_every_difference()
    {
        // The refer example's trials lasted 8 weeks: enough at 6, not at 10.
        var id = await DecideAsync(record.Before, "refer");

        var response = await record.After.CreateAuthorizedClient().PostAsync($"/v1/screenings/{id}/replay", null);
        var replay = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(replay["changed"]!.GetValue<bool>());
        Assert.Equal(6, replay["original"]!["policy"]!["trialMinWeeksAtDose"]!.GetValue<int>());
        Assert.Equal(10, replay["current"]!["policy"]!["trialMinWeeksAtDose"]!.GetValue<int>());
        var differences = replay["differences"]!.AsArray().Select(d => d!.ToJsonString()).ToArray();
        Assert.Contains("""{"kind":"category","from":"refer","to":"not-eligible-criteria-not-met"}""", differences);
        Assert.Contains("""{"kind":"pathway","from":"esketamine-rems"}""", differences);
        Assert.Contains("""{"kind":"indication-status","indicationId":"IND_TRD","from":"established","to":"not-met"}""", differences);
    }

    [Fact]
    public async Task Replay_names_the_questions_listed_as_missing_then_and_not_now()
    {
        // The refer example without its MDQ: refer, with the MDQ worth asking. At 10 weeks at dose it is not met, and
        // "criteria not met" lists only what could make it urgent, so the MDQ is no longer asked for.
        var id = await DecideReferWithoutMdqAsync();

        var sameRules = JsonNode.Parse(await (await record.Before.CreateAuthorizedClient().PostAsync($"/v1/screenings/{id}/replay", null)).Content.ReadAsStringAsync())!;
        var changedPolicy = JsonNode.Parse(await (await record.After.CreateAuthorizedClient().PostAsync($"/v1/screenings/{id}/replay", null)).Content.ReadAsStringAsync())!;

        Assert.Empty(sameRules["missingInformationDifferences"]!.AsArray());
        Assert.Equal(
            ["""{"field":"instruments.mdq.part1YesCount","from":"worth-asking"}"""],
            changedPolicy["missingInformationDifferences"]!.AsArray().Select(d => d!.ToJsonString()));
    }

    [Fact]
    public void Missing_information_differences_name_additions_removals_and_blocking_changes_only()
    {
        var differences = Replays.MissingInformationDifferences(
            [("a", false), ("b", true), ("c", false), ("d", true)],
            [("b", false), ("c", false), ("d", true), ("e", true)]);

        Assert.Equal(
            [("a", "worth-asking", null), ("b", "blocking", "worth-asking"), ("e", null, "blocking")],
            differences.Select(d => (d.Field, d.From, d.To)));
    }

    [Theory]
    // Decided at 6 weeks at dose; the policy in force (After) asks 10. Trying 10 changes the decision as kept, but not
    // what the policy in force decides: the proposal's own effect is nothing. Trying 6 changes nothing kept, but
    // would undo what the policy in force decides.
    [InlineData(10, 1, 0, "refer", "not-eligible-criteria-not-met", "not-eligible-criteria-not-met")]
    [InlineData(6, 0, 1, "refer", "refer", "not-eligible-criteria-not-met")]
    public async Task A_policy_impact_tells_the_proposals_own_effect_from_changes_since_the_decision(int weeks, int changed, int changedByProposal, string asMade, string tried, string inForce)
    {
        await Task.Delay(5);
        var from = DateTimeOffset.UtcNow;
        var refer = await DecideAsync(record.Before, "refer");

        var (status, impact) = await TryPolicyAsync(record.After, weeks, from);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, impact["decisions"]!.GetValue<int>());
        Assert.Equal(1, impact["decidedUnderOtherRulesOrPolicy"]!.GetValue<int>());
        Assert.Equal(changed, impact["changed"]!.GetValue<int>());
        Assert.Equal(changedByProposal, impact["changedByProposal"]!.GetValue<int>());
        Assert.Equal(changedByProposal == 1 ? [refer] : [], impact["changedByProposalDecisionIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal($$"""[{"from":"{{asMade}}","to":"{{tried}}","count":1}]""", impact["transitions"]!.ToJsonString());
        Assert.Equal($$"""[{"from":"{{inForce}}","to":"{{tried}}","count":1}]""", impact["transitionsByProposal"]!.ToJsonString());
    }

    [Theory]
    // A refer without its MDQ lists the MDQ as worth asking; at 10 weeks at dose the patient does not meet the
    // criteria and the MDQ is no longer asked. Against the policy in force: on Before (6 weeks) trying 10 changes
    // that list and trying 6 does not; on After (10 weeks) the policy in force already does not ask it.
    [InlineData(false, 10, 1)]
    [InlineData(false, 6, 0)]
    [InlineData(true, 10, 0)]
    public async Task A_policy_impact_counts_the_decisions_whose_questions_to_ask_the_tried_policy_changes(bool onAfter, int weeks, int expected)
    {
        await Task.Delay(5);
        var from = DateTimeOffset.UtcNow;
        var id = await DecideReferWithoutMdqAsync();

        var (_, impact) = await TryPolicyAsync(onAfter ? record.After : record.Before, weeks, from);

        Assert.Equal(1, impact["decisions"]!.GetValue<int>());
        Assert.Equal(expected, impact["missingInformationChangedByProposal"]!.GetValue<int>());
        Assert.Equal(expected == 1 ? [id] : [], impact["missingInformationChangedByProposalDecisionIds"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task A_policy_impact_counts_transitions_and_names_the_changed_decisions()
    {
        // A window holding just this test's two decisions.
        await Task.Delay(5);
        var from = DateTimeOffset.UtcNow;
        var refer = await DecideAsync(record.Before, "refer");
        var notMet = await DecideAsync(record.Before, "not-eligible-criteria-not-met");
        var auditor = record.Before.ClientWithKey(RecordApiFactory.AuditorKey);

        var (status, impact) = await TryPolicyAsync(record.Before, 10, from);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, impact["decisions"]!.GetValue<int>());
        Assert.Equal(1, impact["changed"]!.GetValue<int>());
        Assert.Equal(1, impact["unchanged"]!.GetValue<int>());
        Assert.Equal(0, impact["notReplayable"]!.GetValue<int>());
        Assert.Equal([refer], impact["changedDecisionIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(0, impact["decidedUnderOtherRulesOrPolicy"]!.GetValue<int>());
        Assert.Equal(1, impact["changedByProposal"]!.GetValue<int>());
        Assert.Equal([refer], impact["changedByProposalDecisionIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(10, impact["policy"]!["trialMinWeeksAtDose"]!.GetValue<int>());
        var transitions = impact["transitions"]!.AsArray().Select(t => t!.ToJsonString()).ToArray();
        Assert.Contains("""{"from":"refer","to":"not-eligible-criteria-not-met","count":1}""", transitions);
        Assert.Contains("""{"from":"not-eligible-criteria-not-met","to":"not-eligible-criteria-not-met","count":1}""", transitions);
        // Both decided under the rules and policy in force: the proposal's own matrix is the same.
        Assert.Equal(impact["transitions"]!.ToJsonString(), impact["transitionsByProposal"]!.ToJsonString());
        Assert.NotEqual(refer, notMet);

        // Nothing was written: the same two decisions, as they were.
        var listed = JsonNode.Parse(await auditor.GetStringAsync($"/v1/screenings?from={Uri.EscapeDataString(from.ToString("O"))}"))!["items"]!.AsArray();
        Assert.Equal(2, listed.Count);
        Assert.Equal("refer", listed.Single(i => i!["decisionId"]!.GetValue<string>() == refer)!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_policy_impact_is_for_audit_clients()
    {
        var response = await record.Before.CreateAuthorizedClient().PostAsync("/v1/policy-impact", JsonContent.Of("""{"policy":{"trialMinWeeksAtDose":4}}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Forbidden", problem["title"]!.GetValue<string>());
        Assert.Contains("Screening:Auth:AuditClients", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"policy":{"trialMinWeeksAtDos":4}}""", "policy.(property 1)")]
    [InlineData("""{"policy":{"trialMinWeeksAtDose":"four"}}""", "policy.trialMinWeeksAtDose")]
    [InlineData("""{"policy":{"trialMinWeeksAtDose":400}}""", "policy.trialMinWeeksAtDose")]
    [InlineData("""{"policy":{"profile":"us-label-only"}}""", "policy.profile")]
    [InlineData("""{"policy":[]}""", "policy")]
    [InlineData("""{"policy":{},"from":"2026-11-02T00:00:00Z","to":"2026-11-01T00:00:00Z"}""", "to")]
    [InlineData("""{"policy":{"trialMinWeeksAtDose":"\ud800"}}""", "policy")]
    [InlineData("""{"policy":{"x":[{"\udc00":1}]}}""", "policy")]
    public async Task A_bad_policy_impact_is_a_400_naming_the_field(string body, string field)
    {
        var response = await record.Before.ClientWithKey(RecordApiFactory.AuditorKey).PostAsync("/v1/policy-impact", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    [Theory]
    [InlineData("""{"policy":{"trialMinWeeksAtDose":400}}""", "policy.trialMinWeeksAtDose", "must be from 1 to 52")]
    [InlineData("""{"policy":{"edeqGlobalCutoff":6.5}}""", "policy.edeqGlobalCutoff", "must be from 0 to 6")]
    [InlineData("""{"policy":{"pcl5GreyZoneMin":40}}""", "policy.pcl5GreyZoneMin", "must not exceed pcl5Cutoff")]
    [InlineData("""{"policy":{"heartRateGateBelow":120}}""", "policy.heartRateGateBelow", "must be less than heartRateGateAbove")]
    public async Task An_out_of_range_policy_parameter_is_explained_with_the_names_of_the_policy_object(string body, string field, string message)
    {
        var response = await record.Before.ClientWithKey(RecordApiFactory.AuditorKey).PostAsync("/v1/policy-impact", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-03-01T00:00:00-14:00")]
    public async Task A_window_ending_in_the_calendars_first_days_starts_at_its_first_day(string to)
    {
        // The default window is the 90 days before "to": before the calendar's first day, that subtraction threw (a 500).
        var response = await record.Before.ClientWithKey(RecordApiFactory.AuditorKey).PostAsync("/v1/policy-impact", JsonContent.Of($$"""{"policy":{},"to":"{{to}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var impact = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(DateTimeOffset.MinValue, impact["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0, impact["decisions"]!.GetValue<int>());
    }

    private static Task<string> DecideAsync(RecordApiFactory factory, string example) => DecideJsonAsync(factory, Examples.Named(example).Json);

    private static async Task<string> DecideJsonAsync(RecordApiFactory factory, string json)
    {
        var response = await factory.CreateAuthorizedClient().PostAsync("/v1/screenings", JsonContent.Of(json));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["decisionId"]!.GetValue<string>();
    }

    /// <summary>A policy impact of <paramref name="weeks"/> at dose, run by an auditor on <paramref name="host"/> over the window from <paramref name="from"/> to now.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode Impact)> TryPolicyAsync(RecordApiFactory host, int weeks, DateTimeOffset from)
    {
        var body = $$"""{"policy":{"trialMinWeeksAtDose":{{weeks}}},"from":"{{from:O}}","to":"{{DateTimeOffset.UtcNow.AddSeconds(1):O}}"}""";
        var response = await host.ClientWithKey(RecordApiFactory.AuditorKey).PostAsync("/v1/policy-impact", JsonContent.Of(body));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>The refer example without its MDQ, decided under the policy in force on Before: refer, with the MDQ worth asking.</summary>
    private Task<string> DecideReferWithoutMdqAsync()
    {
        var intake = JsonNode.Parse(Examples.Named("refer").Json)!;
        intake["instruments"]!.AsObject().Remove("mdq");
        return DecideJsonAsync(record.Before, intake.ToJsonString());
    }
}
