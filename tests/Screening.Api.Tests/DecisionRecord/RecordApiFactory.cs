using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.DecisionRecord;

/// <summary>
/// The service with three API clients: "tests" (the usual key), "other", and "auditor" (listed in AuditClients); any
/// further settings (a shared decision-record database, a policy).
/// </summary>
public class RecordApiFactory : ApiFactory
{
    public const string OtherClient = "other";
    public const string OtherKey = "other-key-77a1";
    public const string Auditor = "auditor";
    public const string AuditorKey = "auditor-key-93c2";

    public RecordApiFactory()
        : this([])
    {
    }

    protected RecordApiFactory(Dictionary<string, string?> settings)
        : base(WithClients(settings))
    {
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    private static Dictionary<string, string?> WithClients(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            [$"Screening:Auth:ApiKeys:{OtherClient}"] = Sha256Hex(OtherKey),
            [$"Screening:Auth:ApiKeys:{Auditor}"] = Sha256Hex(AuditorKey),
            ["Screening:Auth:AuditClients:0"] = Auditor,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}
