using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Screening.Api.CdsHooks;

namespace Screening.Api.Tests.CdsHooks;

/// <summary>
/// CDS Hooks settings are bound and checked at start-up (ValidateOnStart): a misconfiguration is named by its
/// setting, instead of a service that trusts the wrong thing.
/// </summary>
public class CdsHooksConfigurationTests
{
    private const string Issuer = "Screening:CdsHooks:TrustedIssuers:ehr";

    public static TheoryData<string, string?, string> Misconfigurations() => new()
    {
        { "no key", null, $"{Issuer} needs exactly one of JwksUrl and PublicKeyPem" },
        { $"{Issuer}:PublicKeyPem", RSA.Create(2048).ExportPkcs8PrivateKeyPem(), $"{Issuer}:PublicKeyPem must be an RSA or EC public key" },
        { $"{Issuer}:PublicKeyPem", "not a key", $"{Issuer}:PublicKeyPem must be an RSA or EC public key" },
        { $"{Issuer}:JwksUrl", "http://ehr.test/jwks", $"{Issuer}:JwksUrl must be an absolute https URL" },
        { "Screening:CdsHooks:AllowedFhirServers:0", "https://fhir.test/r4?_format=json", "Screening:CdsHooks:AllowedFhirServers entries must be absolute http(s) base URLs" },
        { "Screening:CdsHooks:ServiceBaseUrl", null, "Screening:CdsHooks:ServiceBaseUrl must be" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public void A_bad_setting_fails_validation_with_its_name(string setting, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Screening:CdsHooks:ServiceBaseUrl"] = "https://screening.test",
            [$"{Issuer}:Issuer"] = "https://ehr.test",
            [setting] = value,
        };

        var result = Validate(settings);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PublicKeyPem")]
    [InlineData("JwksUrl")]
    public void A_trusted_issuer_with_one_key_source_is_valid(string source)
    {
        var result = Validate(new Dictionary<string, string?>
        {
            ["Screening:CdsHooks:ServiceBaseUrl"] = "https://screening.test",
            [$"{Issuer}:Issuer"] = "https://ehr.test",
            [$"{Issuer}:{source}"] = source == "JwksUrl" ? "https://ehr.test/jwks" : ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportSubjectPublicKeyInfoPem(),
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void No_cds_hooks_settings_at_all_is_valid_and_trusts_nobody()
    {
        var options = Bind([]);

        Assert.True(new CdsHooksOptionsValidation().Validate(null, options).Succeeded);
        Assert.Empty(options.TrustedIssuers);
        Assert.Empty(options.Audiences);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> settings) =>
        new CdsHooksOptionsValidation().Validate(null, Bind(settings));

    private static CdsHooksOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(CdsHooksOptions.Section).Get<CdsHooksOptions>() ?? new CdsHooksOptions();
}
