using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Screening.DecisionLog;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer) with full synchronous commits
/// (a committed decision survives a power cut, not only a crash). Writers take the write lock at the start of their
/// transaction and wait for it up to the busy timeout.
/// </summary>
/// <remarks>
/// Checkpoints (copying the write-ahead log into the database) are SQLite's own: the commit connection takes one after
/// the commit that brings the log to 1,000 pages, between two commits, so it completes and the next commit starts the
/// log over. A checkpoint taken beside the commits, from another connection, never caught up with them under load:
/// the log was never started over and grew without bound (1.4 GB in a minute of the load test).
/// </remarks>
public sealed class SqliteDecisionStore : SqlDecisionStore
{
    /// <summary>A log that grew past this (a long read held it) is cut back to it once started over.</summary>
    private const long LogSizeLimitBytes = 64 * 1024 * 1024;

    private readonly string _connectionString;

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
    }

    protected override string Dialect => "sqlite";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA journal_size_limit = {LogSizeLimitBytes};";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    protected override string BeginWriteSql => "BEGIN IMMEDIATE";

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // BEGIN IMMEDIATE (BeginWriteAsync) already holds the database's one write lock.
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;
}
