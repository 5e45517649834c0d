using System.Net;
using Microsoft.Data.Sqlite;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.DecisionRecord;

/// <summary>
/// The coordinator pages' Data Protection key ring lives in the decision record's database, its secrets sealed: a
/// sign-in survives a restart on the same database (and, on PostgreSQL, moves between replicas: see
/// <see cref="PostgresReplicasTests"/>), and a host on another database does not accept it.
/// </summary>
public sealed class DataProtectionKeyRingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("screening-keyring-").FullName;

    [Fact]
    public async Task A_sign_in_is_accepted_by_a_host_on_the_same_database_and_refused_by_one_on_another()
    {
        var cookie = await SignInOnAHostThatStopsAsync();

        using var restarted = new OnDatabase(Database);
        Assert.Equal(HttpStatusCode.OK, (await CoordinatorSession.DecisionsPageAsync(restarted, cookie)).StatusCode);

        using var elsewhere = new OnDatabase(Path.Combine(_directory, "another.db"));
        var refused = await CoordinatorSession.DecisionsPageAsync(elsewhere, cookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/signin", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_key_ring_is_kept_with_its_secrets_sealed()
    {
        await SignInOnAHostThatStopsAsync();

        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        var xml = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("<encryptedSecret decryptorType=\"Screening.Api.DecisionRecord.SealedKeyDecryptor", xml, StringComparison.Ordinal);
        Assert.Contains("<sealedKey keyId=\"test\"", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_key_that_sealed_the_ring_a_host_refuses_old_sign_ins_and_makes_new_ones()
    {
        var cookie = await SignInOnAHostThatStopsAsync();

        // The decision-log key that sealed the ring is gone (here: another key under its id).
        using var rekeyed = new OnDatabase(Database, new() { ["Screening:DecisionLog:EncryptionKeys:test"] = Convert.ToBase64String(new byte[32]) });
        Assert.Equal(HttpStatusCode.Redirect, (await CoordinatorSession.DecisionsPageAsync(rekeyed, cookie)).StatusCode);
        var fresh = await CoordinatorSession.SignInAsync(rekeyed);
        Assert.Equal(HttpStatusCode.OK, (await CoordinatorSession.DecisionsPageAsync(rekeyed, fresh)).StatusCode);
    }

    private string Database => Path.Combine(_directory, "decisions.db");

    /// <summary>Signs in on a host on a new <see cref="Database"/>, which then stops; returns the session cookie.</summary>
    private async Task<string> SignInOnAHostThatStopsAsync()
    {
        using var host = new OnDatabase(Database);
        var cookie = await CoordinatorSession.SignInAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await CoordinatorSession.DecisionsPageAsync(host, cookie)).StatusCode);

        // On a new database the key ring is first read after the migration has made its table.
        Assert.Empty(host.Logs.Containing("\"@l\":\"Error\""));
        return cookie;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class OnDatabase(string path, Dictionary<string, string?>? settings = null) : ApiFactory(new Dictionary<string, string?>(settings ?? [])
    {
        ["Screening:DecisionLog:ConnectionString"] = $"Data Source={path}",
    });
}
