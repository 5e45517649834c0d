namespace Screening.DecisionLog;

/// <summary>
/// The decision record's storage: SQLite or PostgreSQL behind one interface, tested by one suite. Payloads arrive and
/// leave encrypted; the store never sees a request or response in clear.
/// </summary>
public interface IDecisionStore
{
    /// <summary>Applies the numbered migrations not applied yet (several replicas starting at once apply each once).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Commits each write in one transaction. A write with an idempotency key whose key is already used (within the
    /// window) is not applied, and comes back false; the others come back true.
    /// </summary>
    Task<bool[]> CommitAsync(IReadOnlyList<StoreWrite> writes, DateTimeOffset now, CancellationToken cancellationToken);

    Task<StoredRow?> FindAsync(Guid decisionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DecisionSummary>> ListAsync(DecisionQuery query, CancellationToken cancellationToken);

    /// <summary>Every decision decided in [since, until), oldest first, with its payload (null once purged).</summary>
    IAsyncEnumerable<StoredRow> ReadWindowAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    Task AddFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackRecord>> FeedbackAsync(Guid decisionId, CancellationToken cancellationToken);

    /// <summary>The response kept for a client's idempotency key, if the key was used since <paramref name="notBefore"/>.</summary>
    Task<StoredIdempotency?> FindIdempotencyAsync(string clientId, string keyHash, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Records a CDS Hooks token's jti; false when the issuer's jti is already recorded and unexpired (a replay).</summary>
    Task<bool> TryRecordTokenAsync(string issuer, string jti, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes payloads decided before <paramref name="inputsBefore"/>, rows before <paramref name="rowsBefore"/>, and expired idempotency keys and tokens.</summary>
    Task<PurgeResult> PurgeAsync(DateTimeOffset inputsBefore, DateTimeOffset rowsBefore, DateTimeOffset idempotencyBefore, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The Data Protection key ring's elements (XML, their secrets already sealed), oldest first.</summary>
    Task<IReadOnlyList<string>> ProtectionKeysAsync(CancellationToken cancellationToken);

    /// <summary>Adds an element to the Data Protection key ring (one already kept under that name stays as it is).</summary>
    Task AddProtectionKeyAsync(string name, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Whether the store answers (for readiness).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

/// <summary>One decision (or several, for a batch) to commit together, with the idempotency key it answers, if any.</summary>
public sealed record StoreWrite(IReadOnlyList<StoredRow> Decisions, StoredIdempotency? Idempotency);

/// <summary>A row as stored: the summary in clear, the payload sealed under a key.</summary>
public sealed record StoredRow(DecisionSummary Summary, string? KeyId, byte[]? Payload);

/// <summary>An idempotency key as stored: the response sealed under a key.</summary>
public sealed record StoredIdempotency(string ClientId, string KeyHash, DateTimeOffset CreatedAt, string RequestMac, string KeyId, byte[] Response);
