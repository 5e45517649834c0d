namespace Screening.Api.CdsHooks;

/// <summary>
/// CDS Hooks settings, from <c>Screening:CdsHooks</c>: the service's public base URL (the JWT audience), the EHRs
/// trusted to call it, and the FHIR servers it may query itself when a call comes without prefetched data.
/// </summary>
public sealed class CdsHooksOptions
{
    public const string Section = "Screening:CdsHooks";

    /// <summary>The public base URL clients call the service at (e.g. https://screening.example.org); JWT audiences are built from it.</summary>
    public Uri? ServiceBaseUrl { get; set; }

    /// <summary>EHRs allowed to call the service, by a name of the operator's choosing.</summary>
    public Dictionary<string, TrustedIssuerOptions> TrustedIssuers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>FHIR server base URLs the service may query when a call has no prefetch; no other host is ever contacted.</summary>
    public List<string> AllowedFhirServers { get; set; } = [];

    /// <summary>How long to wait for a FHIR server or a JWKS endpoint.</summary>
    public int OutboundTimeoutSeconds { get; set; } = 5;

    /// <summary>The card's source link; defaults to the service's API documentation.</summary>
    public Uri? SourceUrl { get; set; }

    /// <summary>The audiences a token may carry: the service's endpoint (and its feedback endpoint).</summary>
    public IReadOnlyList<string> Audiences => ServiceBaseUrl is null
        ? []
        : [ServiceUrl(CdsHooksApi.ServicePath), ServiceUrl(CdsHooksApi.FeedbackPath)];

    public string ServiceUrl(string path) => ServiceBaseUrl!.AbsoluteUri.TrimEnd('/') + path;

    /// <summary>The configuration problems that stop the service from starting, if any.</summary>
    public IEnumerable<string> Problems()
    {
        if (TrustedIssuers.Count > 0 && ServiceBaseUrl is not { IsAbsoluteUri: true })
        {
            yield return $"{Section}:ServiceBaseUrl must be the service's absolute public URL when trusted issuers are configured: it is the audience every CDS Hooks JWT must name.";
        }

        foreach (var (name, issuer) in TrustedIssuers)
        {
            var prefix = $"{Section}:TrustedIssuers:{name}";
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                yield return $"{prefix}:Issuer is required.";
            }

            if ((issuer.JwksUrl is null) == string.IsNullOrWhiteSpace(issuer.PublicKeyPem))
            {
                yield return $"{prefix} needs exactly one of JwksUrl and PublicKeyPem.";
            }
            else if (issuer.JwksUrl is { } jwks && !(jwks.IsAbsoluteUri && (jwks.Scheme == Uri.UriSchemeHttps || jwks.IsLoopback)))
            {
                yield return $"{prefix}:JwksUrl must be an absolute https URL.";
            }
            else if (issuer.PublicKeyPem is { } pem && TrustedIssuerKeys.ReadPublicKey(pem) is null)
            {
                yield return $"{prefix}:PublicKeyPem must be an RSA or EC public key in PEM (-----BEGIN PUBLIC KEY-----).";
            }
        }

        foreach (var server in AllowedFhirServers)
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            {
                yield return $"{Section}:AllowedFhirServers entries must be absolute http(s) base URLs without query or credentials.";
            }
        }

        if (OutboundTimeoutSeconds is < 1 or > 60)
        {
            yield return $"{Section}:OutboundTimeoutSeconds must be between 1 and 60.";
        }
    }
}

/// <summary>One trusted EHR: the <c>iss</c> its tokens carry and where its public keys come from.</summary>
public sealed class TrustedIssuerOptions
{
    public string? Issuer { get; set; }

    /// <summary>The EHR's JWK Set URL; fetched by the service (never a URL named by a token).</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>The EHR's public key in PEM (RSA or EC).</summary>
    public string? PublicKeyPem { get; set; }
}
