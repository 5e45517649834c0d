namespace Screening.DecisionLog;

/// <summary>Where decisions are kept.</summary>
public enum DecisionLogProvider
{
    /// <summary>An embedded SQLite file (the default): one replica.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several replicas.</summary>
    Postgres,

    /// <summary>No decision record: decisions exist only in their responses and logs.</summary>
    None,
}

/// <summary>The decision record's settings, from <c>Screening:DecisionLog</c>.</summary>
public sealed class DecisionLogOptions
{
    public const string Section = "Screening:DecisionLog";

    public DecisionLogProvider Provider { get; set; } = DecisionLogProvider.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite the default is the file <c>data/decisions.db</c> under the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>AES-256 keys by key id, each 32 bytes in base64 (<c>openssl rand -base64 32</c>).</summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>The key new rows are encrypted with; the others still decrypt (rotation).</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Days the encrypted request and response are kept; after that replay is impossible and the summary stays.</summary>
    public int InputRetentionDays { get; set; } = 365;

    /// <summary>Days a decision's row is kept (default six years).</summary>
    public int RetentionDays { get; set; } = 2190;

    /// <summary>How long an Idempotency-Key answers with the original response.</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    /// <summary>Every problem with these settings, each naming its setting; empty when they are usable.</summary>
    public IEnumerable<string> Problems(bool keysRequired)
    {
        if (Provider == DecisionLogProvider.None)
        {
            yield break;
        }

        if (Provider == DecisionLogProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{Section}:ConnectionString is required with the postgres provider (e.g. Host=db;Database=screening;Username=screening;Password=...).";
        }

        if (InputRetentionDays < 1 || RetentionDays < InputRetentionDays)
        {
            yield return $"{Section}:InputRetentionDays must be at least 1 and {Section}:RetentionDays at least as long.";
        }

        if (EncryptionKeys.Count == 0)
        {
            if (keysRequired)
            {
                yield return $"{Section}:EncryptionKeys:<keyId> is required outside Development (32 random bytes in base64: openssl rand -base64 32), with {Section}:ActiveKeyId naming it; or set {Section}:Provider to none.";
            }

            yield break;
        }

        foreach (var (keyId, value) in EncryptionKeys)
        {
            if (!PayloadProtector.IsValidKey(value))
            {
                yield return $"{Section}:EncryptionKeys:{keyId} must be 32 bytes in base64 (openssl rand -base64 32).";
            }
        }

        if (ActiveKeyId is null ? EncryptionKeys.Count > 1 : !EncryptionKeys.ContainsKey(ActiveKeyId))
        {
            yield return $"{Section}:ActiveKeyId must name one of {Section}:EncryptionKeys ({string.Join(", ", EncryptionKeys.Keys)}).";
        }
    }
}
