using System.Text.Json;
using Screening.DecisionLog;
using Screening.Domain.Intake;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Engine;

namespace Screening.Api.DecisionRecord;

/// <summary>One side of a replay: the ruleset and policy, and what they decided.</summary>
public sealed record DecisionSide
{
    /// <summary>The ruleset version and hash.</summary>
    public required RulesetVersion Ruleset { get; init; }

    /// <summary>The policy parameters, as in a screening response.</summary>
    public required JsonElement Policy { get; init; }

    /// <summary>The outcome category.</summary>
    public required string Category { get; init; }

    /// <summary>For urgent-crisis-referral: psychiatric or medical.</summary>
    public string? Subtype { get; init; }

    /// <summary>For a referral: its pathway.</summary>
    public string? Pathway { get; init; }

    /// <summary>Rule ids of the reasons, in order.</summary>
    public required IReadOnlyList<string> ReasonIds { get; init; }

    /// <summary>Indication id to status.</summary>
    public required IReadOnlyDictionary<string, string> Indications { get; init; }
}

/// <summary>What changed between two sides: a category, subtype or pathway, a reason added or removed, or an indication's status.</summary>
public sealed record DecisionDifference
{
    /// <summary>category, subtype, pathway, reason-added, reason-removed or indication-status.</summary>
    public required string Kind { get; init; }

    /// <summary>The rule, for a reason added or removed.</summary>
    public string? RuleId { get; init; }

    /// <summary>The indication, for a status change.</summary>
    public string? IndicationId { get; init; }

    /// <summary>The value before (absent for an addition).</summary>
    public string? From { get; init; }

    /// <summary>The value now (absent for a removal).</summary>
    public string? To { get; init; }
}

/// <summary>A question listed as missing on one side and not the other, or listed on both with its blocking changed.</summary>
public sealed record MissingInformationDifference
{
    /// <summary>Path of the field in the request, as in the response's <c>missingInformation</c>.</summary>
    public required string Field { get; init; }

    /// <summary>How it was listed then: blocking or worth-asking; absent when it was not listed.</summary>
    public string? From { get; init; }

    /// <summary>How it is listed now: blocking or worth-asking; absent when it is no longer listed.</summary>
    public string? To { get; init; }
}

/// <summary>A kept decision re-evaluated under the rules and policy in force now, as of the day it was made.</summary>
public sealed record ReplayResponse
{
    /// <summary>The decision replayed.</summary>
    public required Guid DecisionId { get; init; }

    /// <summary>When it was made; the replay evaluates as of that day, so only rules and policy differ.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>What was decided then.</summary>
    public required DecisionSide Original { get; init; }

    /// <summary>What the rules and policy in force decide now.</summary>
    public required DecisionSide Current { get; init; }

    /// <summary>Whether anything below differs.</summary>
    public required bool Changed { get; init; }

    /// <summary>Every difference: category, subtype, pathway, reasons added or removed, indication statuses.</summary>
    public required IReadOnlyList<DecisionDifference> Differences { get; init; }

    /// <summary>Questions listed as missing now and not then, or the reverse, or with their blocking changed. Not counted in <c>changed</c>, which is about the outcome: a rule change that only asks one more question replays as unchanged, with the question here.</summary>
    public required IReadOnlyList<MissingInformationDifference> MissingInformationDifferences { get; init; }
}

/// <summary>Re-evaluates kept requests and compares the outcomes: for replay, and for a policy's impact on history.</summary>
public static class Replays
{
    /// <summary>The kept request re-evaluated by <paramref name="engine"/> as of the day it was decided (same decision id and time).</summary>
    public static ScreeningResult Reevaluate(ScreeningEngine engine, KeptDecision kept) =>
        engine.EvaluateAt(JsonSerializer.Deserialize<ScreeningRequest>(kept.Request!, ScreeningJson.Options)!, kept.Summary.DecisionId, kept.Summary.DecidedAt);

    public static ReplayResponse Replay(ScreeningEngine engine, KeptDecision kept)
    {
        var current = Reevaluate(engine, kept);
        using var original = JsonDocument.Parse(kept.Result!);
        var before = new DecisionSide
        {
            Ruleset = original.RootElement.GetProperty("ruleset").Deserialize<RulesetVersion>(ScreeningJson.Options)!,
            Policy = original.RootElement.GetProperty("policy").Clone(),
            Category = kept.Summary.Category,
            Subtype = kept.Summary.Subtype,
            Pathway = kept.Summary.Pathway,
            ReasonIds = kept.Summary.ReasonIds,
            Indications = kept.Summary.Indications,
        };
        var now = DecisionSummary.Of(current, kept.Summary.ClientId, kept.Summary.Channel);
        var after = new DecisionSide
        {
            Ruleset = current.Ruleset,
            Policy = JsonSerializer.SerializeToElement(current.Policy, ScreeningJson.Options),
            Category = now.Category,
            Subtype = now.Subtype,
            Pathway = now.Pathway,
            ReasonIds = now.ReasonIds,
            Indications = now.Indications,
        };
        var differences = Differences(kept.Summary, now);
        return new ReplayResponse
        {
            DecisionId = kept.Summary.DecisionId,
            DecidedAt = kept.Summary.DecidedAt,
            Original = before,
            Current = after,
            Changed = differences.Count > 0,
            Differences = differences,
            MissingInformationDifferences = MissingInformationDifferences(MissingInformationOf(original.RootElement), MissingInformationOf(current)),
        };
    }

    /// <summary>The questions a result lists as missing, with their blocking.</summary>
    public static IReadOnlyList<(string Field, bool Blocking)> MissingInformationOf(ScreeningResult result) =>
        [.. result.MissingInformation.Select(item => (item.Field, item.Blocking))];

    /// <summary>The questions a kept response (its JSON) lists as missing, with their blocking.</summary>
    public static IReadOnlyList<(string Field, bool Blocking)> MissingInformationOf(JsonElement response) =>
        [.. response.GetProperty("missingInformation").EnumerateArray()
            .Select(item => (item.GetProperty("field").GetString()!, item.GetProperty("blocking").GetBoolean()))];

    /// <summary>Questions listed on one side only, or on both with their blocking changed, in field order.</summary>
    public static IReadOnlyList<MissingInformationDifference> MissingInformationDifferences(
        IEnumerable<(string Field, bool Blocking)> before, IEnumerable<(string Field, bool Blocking)> after)
    {
        // A field is listed once per result; should it ever be listed twice, blocking wins, as it does for the outcome.
        static Dictionary<string, string> Listing(IEnumerable<(string Field, bool Blocking)> items) => items
            .GroupBy(item => item.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Any(item => item.Blocking) ? "blocking" : "worth-asking", StringComparer.Ordinal);

        var then = Listing(before);
        var now = Listing(after);
        return then.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(field => new MissingInformationDifference { Field = field, From = then.GetValueOrDefault(field), To = now.GetValueOrDefault(field) })
            .Where(difference => difference.From != difference.To)
            .ToList();
    }

    /// <summary>What differs between two decisions on the same request.</summary>
    public static IReadOnlyList<DecisionDifference> Differences(DecisionSummary before, DecisionSummary after)
    {
        var differences = new List<DecisionDifference>();
        void Changed(string kind, string? from, string? to)
        {
            if (from != to)
            {
                differences.Add(new DecisionDifference { Kind = kind, From = from, To = to });
            }
        }

        Changed("category", before.Category, after.Category);
        Changed("subtype", before.Subtype, after.Subtype);
        Changed("pathway", before.Pathway, after.Pathway);
        differences.AddRange(after.ReasonIds.Except(before.ReasonIds).Select(id => new DecisionDifference { Kind = "reason-added", RuleId = id }));
        differences.AddRange(before.ReasonIds.Except(after.ReasonIds).Select(id => new DecisionDifference { Kind = "reason-removed", RuleId = id }));
        foreach (var id in before.Indications.Keys.Union(after.Indications.Keys).Order(StringComparer.Ordinal))
        {
            var from = before.Indications.GetValueOrDefault(id);
            var to = after.Indications.GetValueOrDefault(id);
            if (from != to)
            {
                differences.Add(new DecisionDifference { Kind = "indication-status", IndicationId = id, From = from, To = to });
            }
        }

        return differences;
    }
}
