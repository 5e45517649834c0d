using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Screening.DecisionLog;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer) with full synchronous commits
/// (a committed decision survives a power cut, not only a crash). Writers take the write lock at the start of their
/// transaction and wait for it up to the busy timeout. The commit connection never checkpoints: a timer copies the
/// write-ahead log into the database every second, off the path of the requests waiting for their commit.
/// </summary>
public sealed class SqliteDecisionStore : SqlDecisionStore
{
    private readonly string _connectionString;
    private readonly Timer _checkpoints;
    private int _checkpointing;

    public SqliteDecisionStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        command.ExecuteNonQuery();
        _checkpoints = new Timer(_ => Checkpoint(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Copies committed pages from the write-ahead log into the database without blocking the writer (PASSIVE).</summary>
    private void Checkpoint()
    {
        if (Interlocked.Exchange(ref _checkpointing, 1) == 1)
        {
            return;
        }

        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Busy or failing: the next tick tries again, and the log keeps every commit meanwhile.
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }

    protected override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint = 0";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await _checkpoints.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override string Dialect => "sqlite";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    protected override string BeginWriteSql => "BEGIN IMMEDIATE";

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // BEGIN IMMEDIATE (BeginWriteAsync) already holds the database's one write lock.
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;
}
