using System.Collections.Concurrent;
using Screening.Tests.Golden;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>A service configured with given policy settings (Screening:Policy:*).</summary>
public sealed class PolicyApiFactory(Dictionary<string, string?> settings) : ApiFactory(settings);

/// <summary>
/// One service per policy the golden cases use, started on first use: the shared default service answers the cases
/// on the default policy, and a service configured with the case's profile and overrides answers the others.
/// </summary>
public sealed class PolicyApis : IDisposable
{
    private readonly ConcurrentDictionary<string, PolicyApiFactory> _factories = new(StringComparer.Ordinal);

    public HttpClient ClientFor(GoldenCase golden, ApiFactory defaultApi) =>
        golden.Profile is null && golden.Policy is null
            ? defaultApi.CreateAuthorizedClient()
            : _factories.GetOrAdd(golden.PolicyKey, _ => new PolicyApiFactory(golden.PolicySettings())).CreateAuthorizedClient();

    public void Dispose()
    {
        foreach (var factory in _factories.Values)
        {
            factory.Dispose();
        }
    }
}
