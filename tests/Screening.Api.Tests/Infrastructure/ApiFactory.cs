using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>
/// The service as a client meets it: Production environment, one configured API key, logging captured at every
/// level through the service's own guarded pipeline. Settings can be overridden per factory (rate limits).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-4f1c2b";
    public const string ClientId = "tests";

    /// <summary>The decision record's key in tests (fixed, so that factories sharing a database read each other's rows).</summary>
    public const string DecisionLogKey = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=";

    /// <summary>A folder of this factory's own for its SQLite decision record, deleted with the factory.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("screening-tests-").FullName;

    private readonly Dictionary<string, string?> _settings;

    public ApiFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected ApiFactory(Dictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>
        {
            [$"Screening:Auth:ApiKeys:{ClientId}"] = Sha256Hex(ApiKey),
            ["Screening:RateLimit:PermitsPerMinute"] = "1000000",
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Verbose",
            ["Screening:DecisionLog:ConnectionString"] = $"Data Source={Path.Combine(DataDirectory, "decisions.db")}",
            ["Screening:DecisionLog:EncryptionKeys:test"] = DecisionLogKey,
            ["Screening:DecisionLog:ActiveKeyId"] = "test",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>Every log event the service wrote, after the PHI guard, at Verbose for every category.</summary>
    public LogCapture Logs { get; } = new();

    public static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A client that sends the configured API key.</summary>
    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on this platform: the temporary folder is left for the OS to clean.
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>();
        });
    }
}

/// <summary>One service instance shared by the tests of a collection (start-up compiles the rules once).</summary>
[CollectionDefinition(Name)]
public sealed class SharedApi : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

public static class JsonContent
{
    public static StringContent Of(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
}
