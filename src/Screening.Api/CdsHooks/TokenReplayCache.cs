using System.Collections.Concurrent;
using Screening.DecisionLog;

namespace Screening.Api.CdsHooks;

/// <summary>
/// The <c>jti</c> of every CDS Hooks token seen, per issuer, until the token expires: a token presented twice is a
/// replay. Keyed by jti rather than by the token text (as IdentityModel's ITokenReplayCache is) because the CDS Hooks
/// specification makes jti the nonce. Kept in the decision record's database when there is one (so a token replayed to
/// another replica on the same PostgreSQL is refused too), else in this process.
/// </summary>
public sealed class TokenReplayCache(TimeProvider time, DecisionRecorder record)
{
    /// <summary>Records the token; false when the same issuer's jti was already recorded (a replay).</summary>
    public async Task<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        // Kept a little past expiry: the clock skew allowed in validation also lets a token live that much longer.
        var until = expires + CdsHooksAuthentication.ClockSkew;
        return record.Enabled
            ? await record.Store.TryRecordTokenAsync(issuer, jti, until, time.GetUtcNow(), cancellationToken)
            : TryRecord(issuer, jti, until);
    }

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    private bool TryRecord(string issuer, string jti, DateTimeOffset until)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now.AddMinutes(1);
            foreach (var (key, kept) in _seen)
            {
                if (kept < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return _seen.TryAdd($"{issuer}\n{jti}", until);
    }
}
