using System.Collections.Concurrent;

namespace Screening.Api.CdsHooks;

/// <summary>
/// The <c>jti</c> of every CDS Hooks token seen, per issuer, until the token expires: a token presented twice is a
/// replay. Keyed by jti rather than by the token text (as IdentityModel's ITokenReplayCache is) because the CDS Hooks
/// specification makes jti the nonce.
/// </summary>
public sealed class TokenReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Records the token; false when the same issuer's jti was already recorded (a replay).</summary>
    public bool TryRecord(string issuer, string jti, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now.AddMinutes(1);
            foreach (var (key, until) in _seen)
            {
                if (until < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        // Kept a little past expiry: the clock skew allowed in validation also lets a token live that much longer.
        return _seen.TryAdd($"{issuer}\n{jti}", expires + CdsHooksAuthentication.ClockSkew);
    }
}
