using Npgsql;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database of its own for a test class, on the server named by SCREENING_TEST_POSTGRES (a connection
/// string; tests/postgres/start.sh starts a throwaway one). Without it the test is skipped with the reason, except when
/// SCREENING_REQUIRE_POSTGRES=1 (set by .ci/run), where its absence is a failure.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    public const string Variable = "SCREENING_TEST_POSTGRES";
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database = "screening_test_" + Guid.NewGuid().ToString("N")[..12];
    private bool _created;

    /// <summary>The connection string of this class's database, created on first use; skips the test when no server is configured.</summary>
    public string ConnectionString()
    {
        if (_server is null)
        {
            var reason = $"PostgreSQL tests need {Variable} (eval \"$(tests/postgres/start.sh)\"); .ci/run starts one.";
            Assert.False(Environment.GetEnvironmentVariable("SCREENING_REQUIRE_POSTGRES") == "1", reason);
            Skip.If(true, reason);
        }

        if (!_created)
        {
            using var connection = new NpgsqlConnection(_server);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            create.ExecuteNonQuery();
            _created = true;
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
    }

    public void Dispose()
    {
        if (_created)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
