namespace Screening.Rules;

/// <summary>The ruleset's semantic version. Bump it whenever a rule's logic or metadata changes.</summary>
public static class RulesetInfo
{
    public const string Version = "5.0.0";
}
