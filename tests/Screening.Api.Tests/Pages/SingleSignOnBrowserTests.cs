using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests.Pages;

/// <summary>
/// Single sign-on to the coordinator pages in headless Chromium (tests/browser/single-sign-on.mjs, which also plays
/// the identity provider over HTTPS): what only a real browser enforces, the session cookie's SameSite rule on the
/// return from the provider, the Secure correlation cookies on its cross-site form POST and the pages' form-action
/// policy on the redirect to the provider's end-session endpoint. The in-process protocol checks are in
/// <see cref="SingleSignOnTests"/>.
/// </summary>
public class SingleSignOnBrowserTests
{
    [SkippableFact]
    public async Task A_coordinator_signs_in_at_the_identity_provider_and_out_again()
    {
        BrowserTest.RequireBrowser();
        var (certificate, key) = LocalhostCertificate(Directory.CreateTempSubdirectory("screening-provider-").FullName);
        var providerPort = ServiceProcess.FreePort();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["Screening__Pages__Oidc__Authority"] = $"https://localhost:{providerPort}",
            ["Screening__Pages__Oidc__ClientId"] = "screening-pages",
            // OpenSSL's variable: the service process trusts the test provider's self-signed certificate.
            ["SSL_CERT_FILE"] = certificate,
        });

        var (exitCode, output) = await BrowserTest.RunAsync("single-sign-on.mjs", service.Address.ToString().TrimEnd('/'),
            providerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), certificate, key, BrowserTest.ArtifactsDirectory);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{output}");
        Assert.DoesNotContain("FAIL:", output, StringComparison.Ordinal);
        Assert.Contains("ok: signed in as coordinator.jane", output, StringComparison.Ordinal);
        Assert.Contains("ok: the session cookie is HttpOnly and SameSite=Lax", output, StringComparison.Ordinal);
        Assert.Contains("ok: signing out ends the provider's session", output, StringComparison.Ordinal);
        Assert.Contains("ok: a cancelled sign-in comes back to /signin with a message", output, StringComparison.Ordinal);
    }

    /// <summary>A self-signed certificate for localhost, as PEM files: the certificate and its private key.</summary>
    private static (string Certificate, string Key) LocalhostCertificate(string directory)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var certificateFile = Path.Combine(directory, "provider.crt");
        var keyFile = Path.Combine(directory, "provider.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile);
    }
}
