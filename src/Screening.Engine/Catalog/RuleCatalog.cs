using System.Security.Cryptography;
using System.Text.Json;
using Screening.Domain.Json;
using Screening.Domain.Outcome;
using Screening.Domain.Policy;
using Screening.Rules;
using Screening.Rules.Metadata;

namespace Screening.Engine.Catalog;

/// <summary>One rule as the catalog serves it.</summary>
public sealed record RuleCatalogEntry
{
    /// <summary>Stable rule id from the clinical specification, e.g. CI_AVM.</summary>
    public required string Id { get; init; }

    /// <summary>Short title.</summary>
    public required string Title { get; init; }

    /// <summary>urgent, absolute, temporary, relative, info, indication, derivation or outcome.</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>For urgent rules: psychiatric or medical.</summary>
    public UrgentSubtype? Subtype { get; init; }

    /// <summary>What the rule checks, in one or two clinician-readable sentences.</summary>
    public required string Description { get; init; }

    /// <summary>The published source and its status tag.</summary>
    public required SourceView Source { get; init; }

    /// <summary>For indications: on-label-esketamine or off-label-ketamine.</summary>
    public RegulatoryStatus? RegulatoryStatus { get; init; }

    /// <summary>For indications: evidence level E1-E4.</summary>
    public EvidenceLevel? EvidenceLevel { get; init; }

    /// <summary>For temporary contraindications: when to re-screen.</summary>
    public string? RescreenWhen { get; init; }

    /// <summary>The program-policy parameters (names in the policy object) the rule reads.</summary>
    public required IReadOnlyList<string> PolicyParameters { get; init; }
}

/// <summary>The ruleset as a whole: what the ruleset endpoint answers.</summary>
/// <param name="Version">Semantic version of the rules.</param>
/// <param name="Hash">SHA-256 (hex) over the compiled rule logic, the catalog and the policy in force.</param>
/// <param name="RuleCount">Number of rules in the catalog.</param>
/// <param name="Policy">The program-policy parameters in force.</param>
/// <param name="Profiles">The named policy profiles this service knows.</param>
public sealed record RulesetDescription(string Version, string Hash, int RuleCount, ScreeningPolicy Policy, IReadOnlyList<string> Profiles);

/// <summary>The rule catalog, read from the rule classes' own metadata, with the ruleset's version and content hash.</summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, RuleCatalogEntry> _byId;

    public RuleCatalog(ScreeningPolicy policy)
    {
        Entries = RuleMetadata.All.Select(ToEntry).ToArray();
        _byId = Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Version = new RulesetVersion(RulesetInfo.Version, ContentHash(Entries, policy));
        Description = new RulesetDescription(Version.Version, Version.Hash, Entries.Count, policy, ScreeningPolicy.ProfileNames);
    }

    public IReadOnlyList<RuleCatalogEntry> Entries { get; }

    public RulesetVersion Version { get; }

    public RulesetDescription Description { get; }

    public RuleCatalogEntry? Find(string id) => _byId.GetValueOrDefault(id);

    public RuleCatalogEntry this[string id] => _byId[id];

    private static RuleCatalogEntry ToEntry(RuleMetadata rule) => new()
    {
        Id = rule.Id,
        Title = rule.Title,
        Kind = rule.Kind,
        Subtype = rule.Subtype,
        Description = rule.Description,
        Source = new SourceView { Citation = rule.Citation, Status = rule.SourceStatus },
        RegulatoryStatus = rule.RegulatoryStatus,
        EvidenceLevel = rule.EvidenceLevel,
        RescreenWhen = rule.RescreenWhen,
        PolicyParameters = rule.PolicyParameters,
    };

    // The hash covers what decides a result: the compiled rule logic, every rule's metadata and every policy value.
    private static string ContentHash(IReadOnlyList<RuleCatalogEntry> entries, ScreeningPolicy policy)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(
            new { version = RulesetInfo.Version, logic = RulesetFingerprint.OfLoadedRules(), rules = entries, policy }, ScreeningJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
