using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Screening.Domain.Json;
using Screening.Domain.Outcome;

namespace Screening.DecisionLog;

/// <summary>
/// What the record keeps in clear about a decision, for reporting and lookup: who asked, through which channel, under
/// which ruleset and policy, and what was decided, by rule and indication id. No answer value, no free text.
/// </summary>
public sealed record DecisionSummary
{
    /// <summary>The decision id given in the response.</summary>
    public required Guid DecisionId { get; init; }

    /// <summary>When it was decided (UTC).</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>The client that asked: an API client id, or cds:&lt;issuer&gt; for an EHR.</summary>
    public required string ClientId { get; init; }

    /// <summary>rest, batch, fhir or cds-hooks.</summary>
    public required string Channel { get; init; }

    /// <summary>The ruleset version that decided.</summary>
    public required string RulesetVersion { get; init; }

    /// <summary>The ruleset hash that decided.</summary>
    public required string RulesetHash { get; init; }

    /// <summary>The policy profile in force.</summary>
    public required string PolicyProfile { get; init; }

    /// <summary>SHA-256 of the policy in force, as the response's policy object.</summary>
    public required string PolicyHash { get; init; }

    /// <summary>The outcome category.</summary>
    public required string Category { get; init; }

    /// <summary>For urgent-crisis-referral: psychiatric or medical.</summary>
    public string? Subtype { get; init; }

    /// <summary>For a referral: esketamine-rems or ketamine-off-label.</summary>
    public string? Pathway { get; init; }

    /// <summary>Rule ids of the reasons, in order.</summary>
    public required IReadOnlyList<string> ReasonIds { get; init; }

    /// <summary>Indication id to status.</summary>
    public required IReadOnlyDictionary<string, string> Indications { get; init; }

    /// <summary>Field paths of the blocking missing answers.</summary>
    public required IReadOnlyList<string> BlockingMissing { get; init; }

    /// <summary>The decision this one follows (the same patient's screening with the missing answers added), if any.</summary>
    public Guid? PreviousDecisionId { get; init; }

    /// <summary>Whether the encrypted request and response are still kept (they are deleted after InputRetentionDays).</summary>
    public bool Replayable { get; init; } = true;

    /// <summary>The summary of a result, made where it was decided.</summary>
    public static DecisionSummary Of(ScreeningResult result, string clientId, string channel) => new()
    {
        DecisionId = result.DecisionId,
        DecidedAt = result.EvaluatedAt,
        ClientId = clientId,
        Channel = channel,
        RulesetVersion = result.Ruleset.Version,
        RulesetHash = result.Ruleset.Hash,
        PolicyProfile = result.Policy.Profile,
        PolicyHash = HashOf(result.Policy),
        Category = ScreeningJson.NameOf(result.Outcome.Category),
        Subtype = result.Outcome.Subtype is { } subtype ? ScreeningJson.NameOf(subtype) : null,
        Pathway = result.Outcome.Pathway is { } pathway ? ScreeningJson.NameOf(pathway) : null,
        ReasonIds = [.. result.Reasons.Select(r => r.RuleId)],
        Indications = result.Indications.ToDictionary(i => i.Id, i => ScreeningJson.NameOf(i.Status), StringComparer.Ordinal),
        BlockingMissing = [.. result.MissingInformation.Where(m => m.Blocking).Select(m => m.Field)],
        PreviousDecisionId = result.PreviousDecisionId,
    };

    /// <summary>SHA-256 (hex) of the policy as the contract writes it (once per policy object: a service has one).</summary>
    public static string HashOf(Domain.Policy.ScreeningPolicy policy) =>
        PolicyHashes.GetValue(policy, p => new StrongBox<string>(Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(p, ScreeningJson.Options))))).Value!;

    private static readonly ConditionalWeakTable<Domain.Policy.ScreeningPolicy, StrongBox<string>> PolicyHashes = new();
}

/// <summary>
/// A decision to keep: its summary, and the exact bytes of what was evaluated and answered. <paramref name="Request"/> is
/// the intake as evaluated (for replay), <paramref name="Result"/> the result JSON as sent, <paramref name="FhirResponse"/>
/// the GuidanceResponse as sent when the decision came through FHIR $evaluate.
/// </summary>
public sealed record DecisionToKeep(DecisionSummary Summary, byte[] Request, byte[] Result, byte[]? FhirResponse = null);

/// <summary>A kept decision with its decrypted request and response, or null ones once they have been purged.</summary>
public sealed record KeptDecision(DecisionSummary Summary, byte[]? Request, byte[]? Result, byte[]? FhirResponse);

/// <summary>What a clinician did with a decision's card (never the free-text comment).</summary>
public sealed record FeedbackRecord(Guid DecisionId, DateTimeOffset ReceivedAt, string Outcome, string? OverrideReason, int AcceptedSuggestions);


/// <summary>A page of summaries, newest first.</summary>
public sealed record DecisionQuery(DateTimeOffset? From, DateTimeOffset? To, string? Category, string? ClientId, int Limit, DecisionCursor? After, Guid? Follows = null);

/// <summary>Where a page ended: the last summary's time and id.</summary>
public sealed record DecisionCursor(DateTimeOffset DecidedAt, Guid DecisionId)
{
    public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes($"{DecidedAt.ToUnixTimeMilliseconds()}:{DecisionId:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static DecisionCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return null;
        }

        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], out var ms) && Guid.TryParseExact(parts[1], "N", out var id)
                ? new DecisionCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>What one purge removed.</summary>
public sealed record PurgeResult(int InputsPurged, int DecisionsDeleted);
