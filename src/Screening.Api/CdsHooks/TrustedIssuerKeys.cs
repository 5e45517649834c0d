using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Screening.Api.CdsHooks;

/// <summary>
/// The signing keys of each trusted issuer: a configured PEM key, or the issuer's JWK Set fetched from its configured
/// URL (cached for an hour, fetched again at most every 30 seconds when a token names an unknown key id). Keys are
/// held per issuer, so one EHR's key can never validate a token claiming to be from another.
/// </summary>
public sealed partial class TrustedIssuerKeys : IDisposable
{
    public const string JwksClient = "cds-hooks-jwks";
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, TrustedIssuerOptions> _issuers;
    private readonly ConcurrentDictionary<string, FetchedKeys> _keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly ILogger<TrustedIssuerKeys> _logger;

    public TrustedIssuerKeys(IOptions<CdsHooksOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<TrustedIssuerKeys> logger)
    {
        _http = http;
        _time = time;
        _logger = logger;
        _issuers = options.Value.TrustedIssuers.Values
            .Where(i => !string.IsNullOrWhiteSpace(i.Issuer))
            .ToDictionary(i => i.Issuer!, StringComparer.Ordinal);
        foreach (var issuer in _issuers.Values.Where(i => i.PublicKeyPem is not null))
        {
            _keys[issuer.Issuer!] = new FetchedKeys([ReadPublicKey(issuer.PublicKeyPem!)!], DateTimeOffset.MaxValue);
        }
    }

    private sealed record FetchedKeys(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);

    public IReadOnlyCollection<string> Issuers => _issuers.Keys;

    /// <summary>The keys of <paramref name="issuer"/>; none for an issuer that is not trusted.</summary>
    public IEnumerable<SecurityKey> KeysFor(string? issuer) =>
        issuer is not null && _keys.TryGetValue(issuer, out var keys) ? keys.Keys : [];

    /// <summary>Before validation: fetch a JWKS issuer's keys when none are cached, they are old, or the token names an unknown key.</summary>
    public async Task PrepareAsync(string issuer, string? keyId, CancellationToken cancellationToken)
    {
        if (!_issuers.TryGetValue(issuer, out var trusted) || trusted.JwksUrl is not { } url || !NeedsFetch(issuer, keyId))
        {
            return;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (!NeedsFetch(issuer, keyId))
            {
                return;
            }

            var previous = _keys.GetValueOrDefault(issuer);
            try
            {
                using var response = await _http.CreateClient(JwksClient).GetAsync(url, cancellationToken);
                response.EnsureSuccessStatusCode();
                var keys = new JsonWebKeySet(await response.Content.ReadAsStringAsync(cancellationToken)).Keys
                    .Where(k => k.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve && k.Use is null or "sig")
                    .ToArray<SecurityKey>();
                _keys[issuer] = new FetchedKeys(keys, _time.GetUtcNow());
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
            {
                // Keep the keys already known; note the time so that a failing endpoint is not asked on every call.
                _keys[issuer] = new FetchedKeys(previous?.Keys ?? [], _time.GetUtcNow());
                JwksFetchFailed(_logger, issuer, exception.GetType().Name);
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The JWK Set of trusted issuer {TrustedIssuer} could not be fetched ({ErrorType})")]
    private static partial void JwksFetchFailed(ILogger logger, string trustedIssuer, string errorType);

    private bool NeedsFetch(string issuer, string? keyId)
    {
        if (!_keys.TryGetValue(issuer, out var cached))
        {
            return true;
        }

        var age = _time.GetUtcNow() - cached.FetchedAt;
        var unknownKey = keyId is not null && !cached.Keys.Any(k => k.KeyId == keyId);
        return age > CacheFor || (unknownKey && age > MinimumRefresh);
    }

    /// <summary>An RSA or EC public key from PEM, or null when the text is not one (a private key is refused).</summary>
    public static SecurityKey? ReadPublicKey(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not ("PUBLIC KEY" or "RSA PUBLIC KEY"))
        {
            return null;
        }

        return (TryImport(RSA.Create(), pem) ?? TryImport(ECDsa.Create(), pem)) switch
        {
            RSA rsa => new RsaSecurityKey(rsa),
            ECDsa ec => new ECDsaSecurityKey(ec),
            _ => null,
        };
    }

    private static AsymmetricAlgorithm? TryImport(AsymmetricAlgorithm key, string pem)
    {
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            key.Dispose();
            return null;
        }
    }
}
