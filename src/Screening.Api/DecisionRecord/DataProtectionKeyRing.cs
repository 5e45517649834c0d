using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Screening.DecisionLog;

namespace Screening.Api.DecisionRecord;

/// <summary>
/// ASP.NET Core Data Protection (which encrypts the coordinator pages' sign-in cookie and anti-forgery tokens) with its
/// key ring in the decision record's database. Its default ring is a folder in the home directory, which a container
/// with a read-only file system cannot keep: each replica then made a ring of its own, so a coordinator signed in on one
/// replica was signed out on the next, and a form opened before a restart failed its anti-forgery check. Kept here,
/// the service after a restart and every replica on one PostgreSQL database read the same ring.
/// </summary>
public static class DataProtectionKeyRing
{
    /// <summary>What every replica protects under (by default the content root path, which need not be the same).</summary>
    public const string ApplicationName = "screening-api";

    public static IServiceCollection AddDataProtectionKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<DecisionRecorder, TimeProvider>((keys, record, time) =>
        {
            keys.XmlRepository = new KeyRingRepository(record.Store, time);
            keys.XmlEncryptor = new SealedKeyEncryptor(record.Protector);
        });
        return services;
    }

    /// <summary>
    /// The ring's elements as rows of <c>data_protection_keys</c>. Data Protection's repository interface is synchronous;
    /// it reads the ring at first use and then about once a day, and writes a key about every 90 days.
    /// </summary>
    private sealed class KeyRingRepository(IDecisionStore store, TimeProvider time) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            [.. store.ProtectionKeysAsync(CancellationToken.None).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

        public void StoreElement(XElement element, string friendlyName) =>
            store.AddProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
    }
}

/// <summary>Seals a Data Protection key's secret with the decision record's active encryption key (AES-GCM; the key id kept beside it).</summary>
public sealed class SealedKeyEncryptor(PayloadProtector protector) : IXmlEncryptor
{
    /// <summary>Associated data: a sealed key secret opens only as one.</summary>
    internal static readonly byte[] Binding = "data-protection-key"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedSecret = protector.Protect(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), Binding);
        return new EncryptedXmlInfo(
            new XElement("sealedKey", new XAttribute("keyId", protector.ActiveKeyId), Convert.ToBase64String(sealedSecret)), typeof(SealedKeyDecryptor));
    }
}

/// <summary>Opens what <see cref="SealedKeyEncryptor"/> sealed (Data Protection creates it by its type name, with the service provider).</summary>
public sealed class SealedKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var protector = services.GetRequiredService<DecisionRecorder>().Protector;
        var secret = protector.Unprotect((string)encryptedElement.Attribute("keyId")!, Convert.FromBase64String(encryptedElement.Value), SealedKeyEncryptor.Binding);
        return XElement.Parse(Encoding.UTF8.GetString(secret));
    }
}
