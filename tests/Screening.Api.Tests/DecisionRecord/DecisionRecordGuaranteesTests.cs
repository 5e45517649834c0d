using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Screening.Api.Tests.Infrastructure;
using Screening.DecisionLog;

namespace Screening.Api.Tests.DecisionRecord;

/// <summary>A decision record whose store stops committing when told to (a full disk, a lost database).</summary>
public sealed class FailingStoreFactory : RecordApiFactory
{
    public bool Failing { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(provider => new DecisionRecorder(
            new FailingStore(this, new SqliteDecisionStore($"Data Source={Path.Combine(DataDirectory, "failing.db")}")),
            new PayloadProtector(new Dictionary<string, string> { ["test"] = DecisionLogKey }, "test"),
            TimeProvider.System,
            new DecisionLogOptions())));
    }

    private sealed class FailingStore(FailingStoreFactory factory, SqliteDecisionStore inner) : IDecisionStore
    {
        private static Microsoft.Data.Sqlite.SqliteException Failure() => new("disk I/O error", 10);

        public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

        public Task<bool[]> CommitAsync(IReadOnlyList<StoreWrite> writes, DateTimeOffset now, CancellationToken cancellationToken) =>
            factory.Failing ? Task.FromException<bool[]>(Failure()) : inner.CommitAsync(writes, now, cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken) => factory.Failing ? Task.FromResult(false) : inner.PingAsync(cancellationToken);

        public Task<StoredRow?> FindAsync(Guid decisionId, CancellationToken cancellationToken) => inner.FindAsync(decisionId, cancellationToken);

        public Task<IReadOnlyList<DecisionSummary>> ListAsync(DecisionQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

        public IAsyncEnumerable<StoredRow> ReadWindowAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) => inner.ReadWindowAsync(since, until, cancellationToken);

        public Task AddFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken) => inner.AddFeedbackAsync(feedback, cancellationToken);

        public Task<IReadOnlyList<FeedbackRecord>> FeedbackAsync(Guid decisionId, CancellationToken cancellationToken) => inner.FeedbackAsync(decisionId, cancellationToken);

        public Task<StoredIdempotency?> FindIdempotencyAsync(string clientId, string keyHash, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
            inner.FindIdempotencyAsync(clientId, keyHash, notBefore, cancellationToken);

        public Task<bool> TryRecordTokenAsync(string issuer, string jti, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.TryRecordTokenAsync(issuer, jti, expires, now, cancellationToken);

        public Task<IReadOnlyList<string>> ProtectionKeysAsync(CancellationToken cancellationToken) => inner.ProtectionKeysAsync(cancellationToken);

        public Task AddProtectionKeyAsync(string name, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
            inner.AddProtectionKeyAsync(name, xml, createdAt, cancellationToken);

        public Task<PurgeResult> PurgeAsync(DateTimeOffset inputsBefore, DateTimeOffset rowsBefore, DateTimeOffset idempotencyBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.PurgeAsync(inputsBefore, rowsBefore, idempotencyBefore, now, cancellationToken);
    }
}

/// <summary>The service on a fake clock, to drive retention.</summary>
public sealed class FakeClockFactory : RecordApiFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// What the record guarantees: no decision is given that is not kept (503 with Retry-After when the store cannot commit,
/// and not ready); retention purges inputs, then rows, on its daily run; nothing of the answers is in the database in clear.
/// </summary>
public class DecisionRecordGuaranteesTests(FailingStoreFactory failing, FakeClockFactory clock)
    : IClassFixture<FailingStoreFactory>, IClassFixture<FakeClockFactory>
{
    private const string Canary = "zzcanarydrugname";

    [Fact]
    public async Task When_the_store_cannot_commit_no_decision_is_given_and_the_service_is_not_ready()
    {
        var client = failing.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json))).StatusCode);

        failing.Failing = true;
        try
        {
            var refused = await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));
            var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("decisionId", body, StringComparison.Ordinal);
            Assert.DoesNotContain("disk I/O", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            failing.Failing = false;
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Retention_purges_inputs_after_a_year_and_rows_after_six()
    {
        var client = clock.CreateAuthorizedClient();
        var id = JsonNode.Parse(await (await client.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json))).Content.ReadAsStringAsync())!["decisionId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/screenings/{id}")).StatusCode);

        clock.Clock.Advance(TimeSpan.FromDays(366));
        await WaitForAsync(async () => (await client.GetAsync($"/v1/screenings/{id}")).StatusCode == HttpStatusCode.Gone);
        var replay = await client.PostAsync($"/v1/screenings/{id}/replay", null);
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Equal("Gone", JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
        var summary = JsonNode.Parse(await client.GetStringAsync("/v1/screenings"))!["items"]!.AsArray().Single(i => i!["decisionId"]!.GetValue<string>() == id)!;
        Assert.False(summary["replayable"]!.GetValue<bool>());
        Assert.Equal("refer", summary["category"]!.GetValue<string>());

        clock.Clock.Advance(TimeSpan.FromDays(2190 - 366 + 1));
        await WaitForAsync(async () => (await client.GetAsync($"/v1/screenings/{id}")).StatusCode == HttpStatusCode.NotFound);
        Assert.Empty(JsonNode.Parse(await client.GetStringAsync("/v1/screenings"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task The_sqlite_file_holds_no_answer_in_clear()
    {
        var client = failing.CreateAuthorizedClient();
        var body = Examples.Named("refer").Json.Replace("sertraline", Canary, StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screenings") { Content = JsonContent.Of(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        Assert.Contains(Canary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bytes = Directory.GetFiles(failing.DataDirectory, "failing.db*").SelectMany(ReadShared).ToArray();

        Assert.True(bytes.Length > 0);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Canary)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("1980-05-14"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("venlafaxine"u8));
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The retention run did not happen within 5 seconds.");
    }
}

/// <summary>
/// The postgres provider: nothing of the answers in its tables in clear, and two replicas on one database share
/// decisions, idempotency keys, CDS token ids and the coordinator pages' sign-ins.
/// </summary>
public sealed class PostgresReplicasTests : IDisposable
{
    private readonly TestPostgres _postgres = new();
    private readonly List<IDisposable> _factories = [];

    [SkippableFact]
    public async Task Two_replicas_share_decisions_idempotency_keys_cds_tokens_and_sign_ins()
    {
        var (a, b) = (Replica(), Replica());
        var clientA = a.CreateAuthorizedClient();
        var clientB = b.CreateAuthorizedClient();

        var made = await clientA.PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json));
        var sent = await made.Content.ReadAsByteArrayAsync();
        var id = JsonNode.Parse(sent)!["decisionId"]!.GetValue<string>();
        Assert.Equal(sent, await clientB.GetByteArrayAsync($"/v1/screenings/{id}"));

        var key = Guid.NewGuid().ToString();
        var onA = await PostWithKeyAsync(clientA, key);
        var onB = await PostWithKeyAsync(clientB, key);
        Assert.Equal(onA, onB);

        var token = CdsHooks.CdsHooksApiFactory.Token();
        var hook = CdsHooks.CdsHookCalls.Hook(prefetch: CdsHooks.CdsHookCalls.Searchset(CdsHooks.CdsHookCalls.ResponseFor("refer"))).ToJsonString();
        var first = await CdsHooks.CdsHookCalls.Client(a, token).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook));
        var replayed = await CdsHooks.CdsHookCalls.Client(b, token).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("replay", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The pages' Data Protection key ring is shared too: a coordinator signed in on A is signed in on B.
        var session = await CoordinatorSession.SignInAsync(a);
        Assert.Equal(HttpStatusCode.OK, (await CoordinatorSession.DecisionsPageAsync(b, session)).StatusCode);
    }

    [SkippableFact]
    public async Task The_postgres_tables_hold_no_answer_in_clear()
    {
        var replica = Replica();
        var body = Examples.Named("refer").Json.Replace("sertraline", "zzcanarydrugname", StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screenings") { Content = JsonContent.Of(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, (await replica.CreateAuthorizedClient().SendAsync(request)).StatusCode);

        await using var connection = new NpgsqlConnection(_postgres.ConnectionString());
        await connection.OpenAsync();
        var contents = new StringBuilder();
        foreach (var table in new[] { "decisions", "idempotency_keys", "feedback", "cds_tokens" })
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                contents.AppendLine(reader.GetString(0));
            }
        }

        var text = contents.ToString();
        Assert.Contains("refer", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "zzcanarydrugname", "1980-05-14", "venlafaxine" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret)), text, StringComparison.Ordinal);
        }
    }

    private PostgresReplica Replica()
    {
        var replica = new PostgresReplica(_postgres.ConnectionString());
        _factories.Add(replica);
        return replica;
    }

    private static async Task<string> PostWithKeyAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screenings") { Content = JsonContent.Of(Examples.Named("refer").Json) };
        request.Headers.Add("Idempotency-Key", key);
        return await (await client.SendAsync(request)).Content.ReadAsStringAsync();
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _postgres.Dispose();
    }

    private sealed class PostgresReplica(string connectionString) : CdsHooks.CdsHooksApiFactory(new Dictionary<string, string?>
    {
        ["Screening:DecisionLog:Provider"] = "postgres",
        ["Screening:DecisionLog:ConnectionString"] = connectionString,
    });
}
