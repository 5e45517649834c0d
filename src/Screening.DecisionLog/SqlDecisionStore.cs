using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Screening.DecisionLog;

/// <summary>
/// The store in SQL both SQLite and PostgreSQL understand (ON CONFLICT DO NOTHING, row-value comparison, LIMIT), over
/// ADO.NET. Times are Unix milliseconds. The two providers differ only in how a connection is opened and how a
/// migration takes its lock.
/// </summary>
public abstract class SqlDecisionStore : IDecisionStore, IAsyncDisposable
{
    /// <summary>The provider's name, which is also the folder of its migrations.</summary>
    protected abstract string Dialect { get; }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Takes the lock that lets one process at a time migrate, inside <paramref name="transaction"/>.</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Opens the connection commits go through.</summary>
    protected virtual Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>The statement that starts a writing transaction on the commit connection.</summary>
    protected virtual string BeginWriteSql => "BEGIN";

    /// <summary>Starts a transaction that writes (SQLite: takes the write lock at once, so two writers do not deadlock on upgrade).</summary>
    protected virtual ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken);

        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockForMigrationAsync(connection, transaction, cancellationToken);
        var applied = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken) ?? 0);
        foreach (var (version, script) in Migrations(Dialect).Where(m => m.Version > applied))
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)", cancellationToken,
                ("version", version), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The embedded migrations of a dialect, by number (Migrations/&lt;dialect&gt;/NNNN_name.sql).</summary>
    public static IReadOnlyList<(int Version, string Script)> Migrations(string dialect)
    {
        var assembly = typeof(SqlDecisionStore).Assembly;
        var prefix = $"Migrations/{dialect}/";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name[prefix.Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), Script: Read(assembly, name)))
            .OrderBy(m => m.Version)];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    // Commits go through one connection kept open, with its statements prepared once: a commit then costs the
    // transaction itself, not a connection, pragmas and statement compilation each time.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private WriterConnection? _writer;

    public async Task<bool[]> CommitAsync(IReadOnlyList<StoreWrite> writes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer ??= new WriterConnection(await OpenWriterAsync(cancellationToken), BeginWriteSql);
            var writer = _writer;
            var applied = new bool[writes.Count];

            // The transaction as plain statements on the kept connection: ADO.NET transaction objects cost a command
            // (and finalizer work) each, which the commit of every decision would pay.
            await writer.Begin.ExecuteNonQueryAsync(cancellationToken);
            for (var i = 0; i < writes.Count; i++)
            {
                if (writes[i].Idempotency is { } key)
                {
                    // A key past its window may be used again: its old row goes first.
                    Bind(writer.DeleteExpiredKey, ("client", key.ClientId), ("key", key.KeyHash), ("before", (now - DecisionLogOptions.IdempotencyWindow).ToUnixTimeMilliseconds()));
                    await writer.DeleteExpiredKey.ExecuteNonQueryAsync(cancellationToken);
                    Bind(writer.InsertKey, ("client", key.ClientId), ("key", key.KeyHash), ("at", key.CreatedAt.ToUnixTimeMilliseconds()), ("mac", key.RequestMac), ("keyId", key.KeyId), ("response", key.Response));
                    if (await writer.InsertKey.ExecuteNonQueryAsync(cancellationToken) == 0)
                    {
                        continue;
                    }
                }

                foreach (var row in writes[i].Decisions)
                {
                    var s = row.Summary;
                    Bind(writer.InsertDecision,
                        ("id", s.DecisionId.ToString()), ("at", s.DecidedAt.ToUnixTimeMilliseconds()), ("client", s.ClientId), ("channel", s.Channel),
                        ("rulesetVersion", s.RulesetVersion), ("rulesetHash", s.RulesetHash), ("policyProfile", s.PolicyProfile), ("policyHash", s.PolicyHash),
                        ("category", s.Category), ("subtype", s.Subtype), ("pathway", s.Pathway),
                        ("reasons", JsonSerializer.Serialize(s.ReasonIds)), ("indications", JsonSerializer.Serialize(s.Indications)), ("blocking", JsonSerializer.Serialize(s.BlockingMissing)),
                        ("keyId", row.KeyId), ("payload", row.Payload), ("previous", s.PreviousDecisionId?.ToString()));
                    await writer.InsertDecision.ExecuteNonQueryAsync(cancellationToken);
                }

                applied[i] = true;
            }

            await writer.Commit.ExecuteNonQueryAsync(cancellationToken);
            return applied;
        }
        catch
        {
            // A connection that failed is not reused (its transaction is rolled back as it closes): the next commit opens a new one.
            if (_writer is not null)
            {
                await _writer.DisposeAsync();
                _writer = null;
            }

            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the commit connection.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }

        _writeLock.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Bind(DbCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }

    /// <summary>The commit connection and its statements, prepared once.</summary>
    private sealed class WriterConnection : IAsyncDisposable
    {
        public WriterConnection(DbConnection connection, string beginSql)
        {
            Connection = connection;
            Begin = Prepare(beginSql);
            Commit = Prepare("COMMIT");
            DeleteExpiredKey = Prepare("DELETE FROM idempotency_keys WHERE client_id = @client AND key_hash = @key AND created_at < @before", "client", "key", "before");
            InsertKey = Prepare(
                "INSERT INTO idempotency_keys (client_id, key_hash, created_at, request_mac, key_id, response) VALUES (@client, @key, @at, @mac, @keyId, @response) ON CONFLICT DO NOTHING",
                "client", "key", "at", "mac", "keyId", "response");
            InsertDecision = Prepare(
                """
                INSERT INTO decisions (decision_id, decided_at, client_id, channel, ruleset_version, ruleset_hash, policy_profile, policy_hash,
                                       category, subtype, pathway, reason_ids, indications, blocking_missing, key_id, payload, previous_decision_id)
                VALUES (@id, @at, @client, @channel, @rulesetVersion, @rulesetHash, @policyProfile, @policyHash,
                        @category, @subtype, @pathway, @reasons, @indications, @blocking, @keyId, @payload, @previous)
                """,
                "id", "at", "client", "channel", "rulesetVersion", "rulesetHash", "policyProfile", "policyHash", "category", "subtype", "pathway", "reasons", "indications", "blocking", "keyId", "payload", "previous");
        }

        public DbConnection Connection { get; }

        public DbCommand Begin { get; }

        public DbCommand Commit { get; }

        public DbCommand DeleteExpiredKey { get; }

        public DbCommand InsertKey { get; }

        public DbCommand InsertDecision { get; }

        private DbCommand Prepare(string sql, params string[] parameters)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return command;
        }

        public async ValueTask DisposeAsync()
        {
            await Begin.DisposeAsync();
            await Commit.DisposeAsync();
            await DeleteExpiredKey.DisposeAsync();
            await InsertKey.DisposeAsync();
            await InsertDecision.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private const string Columns = "decision_id, decided_at, client_id, channel, ruleset_version, ruleset_hash, policy_profile, policy_hash, category, subtype, pathway, reason_ids, indications, blocking_missing, key_id, previous_decision_id";

    public async Task<StoredRow?> FindAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns}, payload FROM decisions WHERE decision_id = @id", ("id", decisionId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader, withPayload: true) : null;
    }

    public async Task<IReadOnlyList<DecisionSummary>> ListAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void Where(string condition, params (string, object?)[] values)
        {
            conditions.Add(condition);
            parameters.AddRange(values);
        }

        if (query.From is { } from)
        {
            Where("decided_at >= @from", ("from", from.ToUnixTimeMilliseconds()));
        }

        if (query.To is { } to)
        {
            Where("decided_at < @to", ("to", to.ToUnixTimeMilliseconds()));
        }

        if (query.Category is { } category)
        {
            Where("category = @category", ("category", category));
        }

        if (query.ClientId is { } client)
        {
            Where("client_id = @client", ("client", client));
        }

        if (query.Follows is { } previous)
        {
            Where("previous_decision_id = @previous", ("previous", previous.ToString()));
        }

        if (query.After is { } after)
        {
            Where("(decided_at, decision_id) < (@afterAt, @afterId)", ("afterAt", after.DecidedAt.ToUnixTimeMilliseconds()), ("afterId", after.DecisionId.ToString()));
        }

        var sql = $"SELECT {Columns}, payload IS NOT NULL FROM decisions"
            + (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions))
            + " ORDER BY decided_at DESC, decision_id DESC LIMIT @limit";
        parameters.Add(("limit", query.Limit));

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<DecisionSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(Summary(reader) with { Replayable = Convert.ToBoolean(reader.GetValue(16), System.Globalization.CultureInfo.InvariantCulture) });
        }

        return page;
    }

    public async IAsyncEnumerable<StoredRow> ReadWindowAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns}, payload FROM decisions WHERE decided_at >= @from AND decided_at < @to ORDER BY decided_at, decision_id",
            ("from", since.ToUnixTimeMilliseconds()), ("to", until.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Row(reader, withPayload: true);
        }
    }

    public async Task AddFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            "INSERT INTO feedback (decision_id, received_at, outcome, override_reason, accepted_suggestions) VALUES (@id, @at, @outcome, @reason, @accepted)",
            cancellationToken, ("id", feedback.DecisionId.ToString()), ("at", feedback.ReceivedAt.ToUnixTimeMilliseconds()), ("outcome", feedback.Outcome),
            ("reason", feedback.OverrideReason), ("accepted", feedback.AcceptedSuggestions));
    }

    public async Task<IReadOnlyList<FeedbackRecord>> FeedbackAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT received_at, outcome, override_reason, accepted_suggestions FROM feedback WHERE decision_id = @id ORDER BY received_at", ("id", decisionId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var feedback = new List<FeedbackRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            feedback.Add(new FeedbackRecord(decisionId, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3)));
        }

        return feedback;
    }

    public async Task<StoredIdempotency?> FindIdempotencyAsync(string clientId, string keyHash, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT created_at, request_mac, key_id, response FROM idempotency_keys WHERE client_id = @client AND key_hash = @key AND created_at >= @notBefore",
            ("client", clientId), ("key", keyHash), ("notBefore", notBefore.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredIdempotency(clientId, keyHash, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3))
            : null;
    }

    public async Task<bool> TryRecordTokenAsync(string issuer, string jti, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM cds_tokens WHERE issuer = @issuer AND jti = @jti AND expires_at < @now", cancellationToken,
            ("issuer", issuer), ("jti", jti), ("now", now.ToUnixTimeMilliseconds()));
        var inserted = await ExecuteAsync(connection, transaction, "INSERT INTO cds_tokens (issuer, jti, expires_at) VALUES (@issuer, @jti, @expires) ON CONFLICT DO NOTHING", cancellationToken,
            ("issuer", issuer), ("jti", jti), ("expires", expires.ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<string>> ProtectionKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var elements = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    public async Task AddProtectionKeyAsync(string name, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "INSERT INTO data_protection_keys (name, created_at, xml) VALUES (@name, @at, @xml) ON CONFLICT DO NOTHING", cancellationToken,
            ("name", name), ("at", createdAt.ToUnixTimeMilliseconds()), ("xml", xml));
    }

    public async Task<PurgeResult> PurgeAsync(DateTimeOffset inputsBefore, DateTimeOffset rowsBefore, DateTimeOffset idempotencyBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var inputs = await ExecuteAsync(connection, transaction, "UPDATE decisions SET payload = NULL, key_id = NULL WHERE decided_at < @before AND payload IS NOT NULL", cancellationToken,
            ("before", inputsBefore.ToUnixTimeMilliseconds()));
        await ExecuteAsync(connection, transaction, "DELETE FROM feedback WHERE decision_id IN (SELECT decision_id FROM decisions WHERE decided_at < @before)", cancellationToken,
            ("before", rowsBefore.ToUnixTimeMilliseconds()));
        var rows = await ExecuteAsync(connection, transaction, "DELETE FROM decisions WHERE decided_at < @before", cancellationToken, ("before", rowsBefore.ToUnixTimeMilliseconds()));
        await ExecuteAsync(connection, transaction, "DELETE FROM idempotency_keys WHERE created_at < @before", cancellationToken, ("before", idempotencyBefore.ToUnixTimeMilliseconds()));
        await ExecuteAsync(connection, transaction, "DELETE FROM cds_tokens WHERE expires_at < @now", cancellationToken, ("now", now.ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
        return new PurgeResult(inputs, rows);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await ScalarAsync(connection, null, "SELECT COUNT(*) FROM schema_version", cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static StoredRow Row(DbDataReader reader, bool withPayload) => new(
        Summary(reader) with { Replayable = !reader.IsDBNull(16) },
        reader.IsDBNull(14) ? null : reader.GetString(14),
        withPayload && !reader.IsDBNull(16) ? (byte[])reader.GetValue(16) : null);

    private static DecisionSummary Summary(DbDataReader reader) => new()
    {
        DecisionId = Guid.Parse(reader.GetString(0)),
        DecidedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        ClientId = reader.GetString(2),
        Channel = reader.GetString(3),
        RulesetVersion = reader.GetString(4),
        RulesetHash = reader.GetString(5),
        PolicyProfile = reader.GetString(6),
        PolicyHash = reader.GetString(7),
        Category = reader.GetString(8),
        Subtype = reader.IsDBNull(9) ? null : reader.GetString(9),
        Pathway = reader.IsDBNull(10) ? null : reader.GetString(10),
        ReasonIds = JsonSerializer.Deserialize<string[]>(reader.GetString(11))!,
        Indications = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(12))!,
        BlockingMissing = JsonSerializer.Deserialize<string[]>(reader.GetString(13))!,
        PreviousDecisionId = reader.IsDBNull(15) ? null : Guid.Parse(reader.GetString(15)),
    };

    protected static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
