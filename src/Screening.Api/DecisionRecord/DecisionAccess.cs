using System.Security.Claims;
using Screening.Api.Screenings;
using Screening.DecisionLog;

namespace Screening.Api.DecisionRecord;

/// <summary>
/// Who may read which decisions: a client its own; the clients listed in <c>Screening:Auth:AuditClients</c> all of
/// them (and only they may run a policy impact). A decision another client made is answered like one that does not
/// exist, so ids cannot be probed.
/// </summary>
public sealed class DecisionAccess(IConfiguration configuration)
{
    private readonly HashSet<string> _auditClients = configuration.GetSection("Screening:Auth:AuditClients").Get<string[]>()?.ToHashSet(StringComparer.Ordinal) ?? [];

    public bool IsAuditor(ClaimsPrincipal user) => _auditClients.Contains(ScreeningDecisions.ClientOf(user));

    public bool CanSee(ClaimsPrincipal user, DecisionSummary decision) => IsAuditor(user) || decision.ClientId == ScreeningDecisions.ClientOf(user);

    /// <summary>The client whose decisions a listing is limited to: none for an auditor.</summary>
    public string? ListingScope(ClaimsPrincipal user) => IsAuditor(user) ? null : ScreeningDecisions.ClientOf(user);
}
