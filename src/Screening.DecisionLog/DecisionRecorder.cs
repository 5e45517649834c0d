using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Screening.DecisionLog;

/// <summary>How looking up an idempotency key ended.</summary>
public enum IdempotencyMatch
{
    /// <summary>The key was not used in the window: decide.</summary>
    Unused,

    /// <summary>The key was used for the same request: answer with the original response.</summary>
    SameRequest,

    /// <summary>The key was used for a different request: refuse.</summary>
    DifferentRequest,
}

/// <summary>An idempotency key's lookup: the match, and for the same request the response first given.</summary>
public sealed record IdempotencyLookup(IdempotencyMatch Match, byte[]? Response);

/// <summary>A client's idempotency key with the request it came with and the response to give again.</summary>
public sealed record IdempotencyToKeep(string ClientId, string Key, byte[] Request, byte[] Response);

/// <summary>
/// The decision record as the service uses it: seals what must not be kept in clear (AES-GCM, bound to the decision or
/// idempotency key it belongs to), commits through the group-commit writer, opens what is read back. With the provider
/// <c>none</c> there is no store: nothing is kept and nothing is found.
/// </summary>
public sealed class DecisionRecorder(IDecisionStore? store, PayloadProtector? protector, TimeProvider time, DecisionLogOptions options) : IAsyncDisposable
{
    private readonly DecisionWriter? _writer = store is null ? null : new DecisionWriter(store, time);

    public bool Enabled => store is not null;

    public IDecisionStore Store => store ?? throw new InvalidOperationException("The decision log is off.");

    /// <summary>The encryption keys (also for what else the service keeps in the record's database: the Data Protection key ring).</summary>
    public PayloadProtector Protector => protector ?? throw new InvalidOperationException("The decision log is off.");

    /// <summary>Commits the decisions (and the idempotency key they answer); false when the key was used meanwhile by a request that won.</summary>
    public async Task<bool> KeepAsync(IReadOnlyList<DecisionToKeep> decisions, IdempotencyToKeep? key)
    {
        if (_writer is null)
        {
            return true;
        }

        var rows = decisions.Select(d => new StoredRow(d.Summary, protector!.ActiveKeyId,
            protector.Protect(PayloadProtector.Frame(d.Request, d.Result, d.FhirResponse), Binding(d.Summary.DecisionId)))).ToArray();
        StoredIdempotency? idempotency = null;
        if (key is not null)
        {
            var keyHash = KeyHash(key.Key);
            idempotency = new StoredIdempotency(key.ClientId, keyHash, time.GetUtcNow(), protector!.Mac(protector.ActiveKeyId, key.Request),
                protector.ActiveKeyId, protector.Protect(PayloadProtector.Frame(key.Response), Binding(key.ClientId, keyHash)));
        }

        return await _writer.WriteAsync(new StoreWrite(rows, idempotency));
    }

    public async Task<KeptDecision?> FindAsync(Guid decisionId, CancellationToken cancellationToken) =>
        store is null || await store.FindAsync(decisionId, cancellationToken) is not { } row ? null : Open(row);

    public async IAsyncEnumerable<KeptDecision> ReadWindowAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (store is null)
        {
            yield break;
        }

        await foreach (var row in store.ReadWindowAsync(since, until, cancellationToken))
        {
            yield return Open(row);
        }
    }

    public async Task<IdempotencyLookup> FindIdempotentAsync(string clientId, string key, byte[] request, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return new(IdempotencyMatch.Unused, null);
        }

        var keyHash = KeyHash(key);
        var stored = await store.FindIdempotencyAsync(clientId, keyHash, time.GetUtcNow() - DecisionLogOptions.IdempotencyWindow, cancellationToken);
        if (stored is null)
        {
            return new(IdempotencyMatch.Unused, null);
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(protector!.Mac(stored.KeyId, request)), Encoding.ASCII.GetBytes(stored.RequestMac))
            ? new(IdempotencyMatch.SameRequest, PayloadProtector.Unframe(protector.Unprotect(stored.KeyId, stored.Response, Binding(clientId, keyHash)))[0])
            : new(IdempotencyMatch.DifferentRequest, null);
    }

    /// <summary>Deletes what retention says is due: payloads after InputRetentionDays, rows after RetentionDays, expired keys and tokens.</summary>
    public Task<PurgeResult> PurgeAsync(CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return Task.FromResult(new PurgeResult(0, 0));
        }

        var now = time.GetUtcNow();
        return store.PurgeAsync(now.AddDays(-options.InputRetentionDays), now.AddDays(-options.RetentionDays), now - DecisionLogOptions.IdempotencyWindow, now, cancellationToken);
    }

    private KeptDecision Open(StoredRow row)
    {
        if (row.Payload is null || row.KeyId is null)
        {
            return new KeptDecision(row.Summary, null, null, null);
        }

        var parts = PayloadProtector.Unframe(protector!.Unprotect(row.KeyId, row.Payload, Binding(row.Summary.DecisionId)));
        return new KeptDecision(row.Summary, parts[0], parts[1], parts[2]);
    }

    /// <summary>The key as kept: its SHA-256 (the key is the client's text).</summary>
    private static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static byte[] Binding(Guid decisionId) => Encoding.ASCII.GetBytes("decision:" + decisionId.ToString("N"));

    private static byte[] Binding(string clientId, string keyHash) => Encoding.UTF8.GetBytes($"idempotency:{clientId}:{keyHash}");

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
