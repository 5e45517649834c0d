using System.Data.Common;
using Npgsql;

namespace Screening.DecisionLog;

/// <summary>The shared store for several replicas: PostgreSQL through one pooled Npgsql data source.</summary>
public sealed class PostgresDecisionStore(string connectionString) : SqlDecisionStore
{
    // Any constant: the advisory lock that makes replicas starting together migrate one after the other.
    private const long MigrationLock = 0x5C2EE41;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    protected override string Dialect => "postgres";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
