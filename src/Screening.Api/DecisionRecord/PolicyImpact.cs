using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FluentValidation;
using Screening.DecisionLog;
using Screening.Domain.Json;
using Screening.Domain.Policy;
using Screening.Engine;

namespace Screening.Api.DecisionRecord;

/// <summary>A policy to try on the decisions kept in a window.</summary>
public sealed record PolicyImpactRequest
{
    /// <summary>Overrides of the policy in force, by the parameter names of a response's policy object, e.g. {"trialMinWeeksAtDose": 4}.</summary>
    public required JsonElement Policy { get; init; }

    /// <summary>Start of the window (inclusive); default 90 days before its end.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the window (exclusive); default now.</summary>
    public DateTimeOffset? To { get; init; }
}

public sealed class PolicyImpactRequestValidator : AbstractValidator<PolicyImpactRequest>
{
    /// <summary>What a window whose end is not after its start is told (a policy impact's and the decision listing's alike).</summary>
    public const string ToNotAfterFrom = "must be after from";

    public PolicyImpactRequestValidator()
    {
        RuleFor(r => r.Policy).Must(p => p.ValueKind == JsonValueKind.Object).WithMessage("must be an object of policy parameters");
        RuleFor(r => r.To).Must((r, to) => r.From is null || to is null || r.From < to).WithMessage(ToNotAfterFrom);
    }
}

/// <summary>How many decisions went from one category to another under the tried policy.</summary>
public sealed record CategoryTransition(string From, string To, int Count);

/// <summary>What a policy would have done to the decisions kept in a window. Nothing is written.</summary>
public sealed record PolicyImpactResponse
{
    /// <summary>Start of the window.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the window.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>The whole policy tried: the policy in force with the overrides.</summary>
    public required JsonElement Policy { get; init; }

    /// <summary>Decisions kept in the window.</summary>
    public required int Decisions { get; init; }

    /// <summary>Re-evaluated with a different category, pathway, reason or indication status.</summary>
    public required int Changed { get; init; }

    /// <summary>Re-evaluated with the same outcome.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Not re-evaluated: their inputs were purged after InputRetentionDays.</summary>
    public required int NotReplayable { get; init; }

    /// <summary>Category before to category after, with counts (unchanged categories included).</summary>
    public required IReadOnlyList<CategoryTransition> Transitions { get; init; }

    /// <summary>The ids of the decisions that changed.</summary>
    public required IReadOnlyList<Guid> ChangedDecisionIds { get; init; }

    /// <summary>
    /// Re-evaluated decisions that were made under a ruleset or policy other than those in force now. Their changes
    /// above may be the rules' or policy's since, not the tried policy's: see <see cref="ChangedByProposal"/>.
    /// </summary>
    public required int DecidedUnderOtherRulesOrPolicy { get; init; }

    /// <summary>
    /// Decisions that the tried policy decides differently from the rules and policy in force now: the tried policy's
    /// own effect. The same as <see cref="Changed"/> when every decision was made under the rules and policy in force.
    /// </summary>
    public required int ChangedByProposal { get; init; }

    /// <summary>The ids of the decisions the tried policy itself changes.</summary>
    public required IReadOnlyList<Guid> ChangedByProposalDecisionIds { get; init; }

    /// <summary>
    /// Category under the rules and policy in force now to category under the tried policy, with counts (unchanged
    /// categories included): the tried policy's own effect as a matrix. The same as <see cref="Transitions"/> when every
    /// decision was made under the rules and policy in force.
    /// </summary>
    public required IReadOnlyList<CategoryTransition> TransitionsByProposal { get; init; }

    /// <summary>
    /// Decisions whose questions still to ask the tried policy changes (one added or removed, or its blocking changed),
    /// against the rules and policy in force now. Not counted in <see cref="ChangedByProposal"/> unless the outcome changes too.
    /// </summary>
    public required int MissingInformationChangedByProposal { get; init; }

    /// <summary>The ids of those decisions.</summary>
    public required IReadOnlyList<Guid> MissingInformationChangedByProposalDecisionIds { get; init; }
}

/// <summary>
/// Runs policy-impact analyses one at a time on one background worker, so that re-evaluating a window of history never
/// takes more than one core from the service. A few requests may wait their turn; more are told to retry.
/// </summary>
public sealed class PolicyImpactWorker : IAsyncDisposable
{
    public const int DefaultWindowDays = 90;
    private readonly Channel<Func<Task>> _jobs = Channel.CreateBounded<Func<Task>>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _loop;

    public PolicyImpactWorker() => _loop = Task.Run(async () =>
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync())
        {
            await job();
        }
    });

    /// <summary>Queues an analysis of <paramref name="proposed"/> against the decisions kept and against <paramref name="inForce"/>; null when the queue is full (the caller answers 503).</summary>
    public Task<PolicyImpactResponse>? TryRun(DecisionRecorder record, ScreeningEngine inForce, ScreeningEngine proposed, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<PolicyImpactResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _jobs.Writer.TryWrite(async () =>
        {
            try
            {
                done.TrySetResult(await AnalyseAsync(record, inForce, proposed, from, to, cancellationToken));
            }
            catch (Exception exception)
            {
                done.TrySetException(exception);
            }
        })
            ? done.Task
            : null;
    }

    private static async Task<PolicyImpactResponse> AnalyseAsync(DecisionRecorder record, ScreeningEngine inForce, ScreeningEngine proposed, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        int decisions = 0, notReplayable = 0, decidedUnderOtherRules = 0;
        var transitions = new Dictionary<(string From, string To), int>();
        var transitionsByProposal = new Dictionary<(string From, string To), int>();
        var changed = new List<Guid>();
        var changedByProposal = new List<Guid>();
        var missingChangedByProposal = new List<Guid>();
        var rulesetInForce = inForce.Catalog.Version.Hash;
        var policyInForce = DecisionSummary.HashOf(inForce.Policy);
        await foreach (var kept in record.ReadWindowAsync(from, to, cancellationToken))
        {
            decisions++;
            if (kept.Request is null)
            {
                notReplayable++;
                continue;
            }

            var tried = Replays.Reevaluate(proposed, kept);
            var now = DecisionSummary.Of(tried, kept.Summary.ClientId, kept.Summary.Channel);
            Count(transitions, kept.Summary.Category, now.Category);
            if (Replays.Differences(kept.Summary, now).Count > 0)
            {
                changed.Add(kept.Summary.DecisionId);
            }

            // What the rules and policy in force decide: the decision as kept when it was made under them (an
            // evaluation is a function of the request, the day, the rules and the policy), else a re-evaluation.
            DecisionSummary baseline;
            IReadOnlyList<(string Field, bool Blocking)> baselineMissing;
            if (kept.Summary.RulesetHash == rulesetInForce && kept.Summary.PolicyHash == policyInForce)
            {
                baseline = kept.Summary;
                using var response = JsonDocument.Parse(kept.Result!);
                baselineMissing = Replays.MissingInformationOf(response.RootElement);
            }
            else
            {
                decidedUnderOtherRules++;
                var inForceResult = Replays.Reevaluate(inForce, kept);
                baseline = DecisionSummary.Of(inForceResult, kept.Summary.ClientId, kept.Summary.Channel);
                baselineMissing = Replays.MissingInformationOf(inForceResult);
            }

            Count(transitionsByProposal, baseline.Category, now.Category);
            if (Replays.Differences(baseline, now).Count > 0)
            {
                changedByProposal.Add(kept.Summary.DecisionId);
            }

            if (Replays.MissingInformationDifferences(baselineMissing, Replays.MissingInformationOf(tried)).Count > 0)
            {
                missingChangedByProposal.Add(kept.Summary.DecisionId);
            }
        }

        return new PolicyImpactResponse
        {
            From = from,
            To = to,
            Policy = JsonSerializer.SerializeToElement(proposed.Policy, ScreeningJson.Options),
            Decisions = decisions,
            Changed = changed.Count,
            Unchanged = decisions - notReplayable - changed.Count,
            NotReplayable = notReplayable,
            Transitions = Matrix(transitions),
            ChangedDecisionIds = changed,
            DecidedUnderOtherRulesOrPolicy = decidedUnderOtherRules,
            ChangedByProposal = changedByProposal.Count,
            ChangedByProposalDecisionIds = changedByProposal,
            TransitionsByProposal = Matrix(transitionsByProposal),
            MissingInformationChangedByProposal = missingChangedByProposal.Count,
            MissingInformationChangedByProposalDecisionIds = missingChangedByProposal,
        };
    }

    private static void Count(Dictionary<(string From, string To), int> transitions, string from, string to) =>
        transitions[(from, to)] = transitions.GetValueOrDefault((from, to)) + 1;

    // Largest first; ties by category before and after, so that the same window always reads the same.
    private static CategoryTransition[] Matrix(Dictionary<(string From, string To), int> transitions) =>
        [.. transitions.OrderByDescending(t => t.Value).ThenBy(t => t.Key.From, StringComparer.Ordinal).ThenBy(t => t.Key.To, StringComparer.Ordinal).Select(t => new CategoryTransition(t.Key.From, t.Key.To, t.Value))];

    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _loop;
    }
}

/// <summary>The policy in force with a request's overrides, or the errors (each under policy.&lt;name&gt;) why not.</summary>
public static class PolicyOverrides
{
    public static (ScreeningPolicy? Policy, Dictionary<string, string[]> Errors) Apply(ScreeningPolicy inForce, JsonElement overrides)
    {
        var errors = new Dictionary<string, string[]>();
        var merged = JsonSerializer.SerializeToNode(inForce, ScreeningJson.Options)!.AsObject();
        var position = 0;
        foreach (var parameter in overrides.EnumerateObject())
        {
            position++;
            if (parameter.Name == "profile")
            {
                errors["policy.profile"] = ["cannot be overridden: override the parameters themselves"];
            }
            else if (merged.ContainsKey(parameter.Name))
            {
                merged[parameter.Name] = JsonNode.Parse(parameter.Value.GetRawText());
            }
            else
            {
                // The name is the client's text: located by position, not repeated.
                errors[$"policy.(property {position})"] = ["is not a policy parameter (the parameters are the names of a response's policy object)"];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        ScreeningPolicy policy;
        try
        {
            policy = merged.Deserialize<ScreeningPolicy>(ScreeningJson.Options)!;
        }
        catch (JsonException exception)
        {
            var name = exception.Path?.TrimStart('$', '.') is { Length: > 0 } path && merged.ContainsKey(path) ? path : null;
            errors[name is null ? "policy" : $"policy.{name}"] = ["is not a valid value for this parameter"];
            return (null, errors);
        }

        var invalid = new List<ValidationResult>();
        if (!Validator.TryValidateObject(policy, new ValidationContext(policy), invalid, validateAllProperties: true))
        {
            foreach (var result in invalid)
            {
                foreach (var member in result.MemberNames)
                {
                    errors[$"policy.{JsonNamingPolicy.CamelCase.ConvertName(member)}"] = [result.ErrorMessage ?? "is out of range"];
                }
            }

            return (null, errors);
        }

        return (policy, errors);
    }
}
