using System.Reflection;

namespace Screening.Rules.Metadata;

/// <summary>Everything the catalog says about one rule, read from its class attributes: the one place each fact lives.</summary>
public sealed record RuleMetadata(
    string Id,
    string Title,
    string Description,
    RuleKind Kind,
    UrgentSubtype? Subtype,
    string Citation,
    SourceStatus SourceStatus,
    RegulatoryStatus? RegulatoryStatus,
    EvidenceLevel? EvidenceLevel,
    IReadOnlyList<string> PolicyParameters,
    string? RescreenWhen,
    Type RuleType)
{
    public RuleIdentity Identity => new(Id, Kind, Subtype);

    /// <summary>Reads a rule class's metadata; throws when any required attribute is missing, so a rule cannot ship without it.</summary>
    public static RuleMetadata Of(Type ruleType)
    {
        T Required<T>() where T : Attribute =>
            ruleType.GetCustomAttribute<T>() ?? throw new InvalidOperationException($"Rule {ruleType.Name} has no [{typeof(T).Name.Replace("Attribute", "", StringComparison.Ordinal)}].");

        var source = Required<SourceAttribute>();
        var indication = ruleType.GetCustomAttribute<IndicationAttribute>();
        return new RuleMetadata(
            NRulesAttributeValue<NameAttribute>(ruleType),
            Required<TitleAttribute>().Text,
            NRulesAttributeValue<DescriptionAttribute>(ruleType),
            Required<KindAttribute>().Kind,
            ruleType.GetCustomAttribute<EmergencyAttribute>()?.Subtype,
            source.Citation,
            source.Status,
            indication?.RegulatoryStatus,
            indication?.EvidenceLevel,
            ruleType.GetCustomAttribute<UsesPolicyAttribute>()?.Parameters ?? [],
            ruleType.GetCustomAttribute<RescreenAttribute>()?.When,
            ruleType);
    }

    // NRules keeps the values of [Name] and [Description] internal; read them from the attribute's constructor argument.
    private static string NRulesAttributeValue<T>(Type ruleType) where T : Attribute =>
        ruleType.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(T))?.ConstructorArguments[0].Value as string
        ?? throw new InvalidOperationException($"Rule {ruleType.Name} has no [{typeof(T).Name.Replace("Attribute", "", StringComparison.Ordinal)}].");

    /// <summary>Every rule of the ruleset, in rule-id order.</summary>
    public static IReadOnlyList<RuleMetadata> All { get; } =
        typeof(RuleMetadata).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(Rule).IsAssignableFrom(t))
            .Select(Of)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();

    private static readonly Dictionary<string, RuleMetadata> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static RuleMetadata ForId(string id) => ById[id];

    public static bool TryGet(string id, out RuleMetadata? metadata) => ById.TryGetValue(id, out metadata);
}
