using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Screening.Api.Hosting;

namespace Screening.Api.Security;

/// <summary>
/// The intake clients allowed in, read from <c>Screening:Auth:ApiKeys:&lt;clientId&gt;</c> = SHA-256 (hex) of the
/// client's key. Only hashes are configured, so a leaked configuration does not leak a key.
/// </summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-API-Key";

    /// <summary>Client id to the SHA-256 of its key.</summary>
    public IReadOnlyDictionary<string, byte[]> KeyHashes { get; set; } = new Dictionary<string, byte[]>();

    /// <summary>Development without any configured key: every request is the "development" client.</summary>
    public bool OpenDevelopmentAccess { get; set; }

    /// <summary>The client a key belongs to, or null: its SHA-256 compared with every configured hash in constant time.</summary>
    public string? ClientOf(string key)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? match = null;
        // Compare against every client, whatever matched, so the time taken says nothing about the key.
        foreach (var (clientId, hash) in KeyHashes)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                match = clientId;
            }
        }

        return match;
    }

    /// <summary>Reads and checks the configured hashes; refuses to start outside Development without one.</summary>
    public static (IReadOnlyDictionary<string, byte[]> Hashes, bool OpenDevelopmentAccess) FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var client in configuration.GetSection("Screening:Auth:ApiKeys").GetChildren())
        {
            var hex = client.Value?.Trim() ?? string.Empty;
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            {
                throw new InvalidSettingException($"Screening:Auth:ApiKeys:{client.Key} must be the SHA-256 of the key as 64 hex characters.");
            }

            hashes[client.Key] = Convert.FromHexString(hex);
        }

        if (hashes.Count == 0 && !environment.IsDevelopment())
        {
            throw new InvalidSettingException(
                "No API key is configured. Set Screening__Auth__ApiKeys__<clientId> to the SHA-256 (hex) of the client's key; outside Development the service does not start without one.");
        }

        return (hashes, hashes.Count == 0);
    }
}

public static class ApiKeyAuthentication
{
    /// <summary>The API-key scheme, configured from Screening:Auth:ApiKeys and checked at start-up (no key outside Development: no start).</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyOptions.Scheme)
            .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyOptions.Scheme, _ => { });
        services.AddOptions<ApiKeyOptions>(ApiKeyOptions.Scheme)
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
                (options.KeyHashes, options.OpenDevelopmentAccess) = ApiKeyOptions.FromConfiguration(configuration, environment))
            .ValidateOnStart();
        return services;
    }
}

/// <summary>Authenticates intake systems by the <c>X-API-Key</c> header, comparing key hashes in constant time.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string DevelopmentClient = "development";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.OpenDevelopmentAccess)
        {
            return Task.FromResult(Success(DevelopmentClient));
        }

        if (!Request.Headers.TryGetValue(ApiKeyOptions.HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var match = Options.ClientOf(values[0]!);
        return Task.FromResult(match is null ? AuthenticateResult.Fail("The API key is not valid.") : Success(match));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyOptions.Scheme} header=\"{ApiKeyOptions.HeaderName}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = $"Send a valid API key in the {ApiKeyOptions.HeaderName} header.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden },
        });
    }

    private AuthenticateResult Success(string clientId)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, clientId)], ApiKeyOptions.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyOptions.Scheme));
    }
}
