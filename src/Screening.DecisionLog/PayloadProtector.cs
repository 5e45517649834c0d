using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Screening.DecisionLog;

/// <summary>
/// AES-256-GCM for what the record keeps of a request and its response: a fresh 12-byte nonce per message, the
/// 16-byte tag, and associated data that binds a ciphertext to its row (a payload copied to another row does not
/// decrypt). Several keys by id: new rows use the active one, old rows decrypt with theirs.
/// </summary>
public sealed class PayloadProtector
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly Dictionary<string, byte[]> _keys;

    public PayloadProtector(IReadOnlyDictionary<string, string> keys, string activeKeyId)
    {
        _keys = keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public static bool IsValidKey(string base64)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(base64, buffer, out var length) && length == 32;
    }

    /// <summary>A new random key, base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>nonce || ciphertext || tag, under the active key.</summary>
    public byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedMessage = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedMessage.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[ActiveKeyId], TagBytes);
        aes.Encrypt(nonce, plaintext, sealedMessage.AsSpan(NonceBytes, plaintext.Length), sealedMessage.AsSpan(NonceBytes + plaintext.Length), associatedData);
        return sealedMessage;
    }

    /// <summary>The plaintext; throws <see cref="CryptographicException"/> when the key is unknown or the message or its binding was altered.</summary>
    public byte[] Unprotect(string keyId, ReadOnlySpan<byte> sealedMessage, ReadOnlySpan<byte> associatedData)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The decision log key '{keyId}' is not configured.");
        }

        var plaintext = new byte[sealedMessage.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedMessage[..NonceBytes], sealedMessage.Slice(NonceBytes, plaintext.Length), sealedMessage[(NonceBytes + plaintext.Length)..], plaintext, associatedData);
        return plaintext;
    }

    /// <summary>A keyed digest of a request (HMAC-SHA-256 under a key derived from the named key): comparable, not reversible or guessable without the key.</summary>
    public string Mac(string keyId, ReadOnlySpan<byte> data)
    {
        var macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[keyId], 32, info: "screening idempotency request"u8.ToArray());
        return Convert.ToHexStringLower(HMACSHA256.HashData(macKey, data));
    }

    public bool HasKey(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>
    /// Parts framed as [length][bytes]..., so that each comes back exactly as it went in, then compressed (Brotli,
    /// fastest): JSON halves, and a decision then fits a database page instead of spilling into overflow pages, which
    /// halves what each commit writes.
    /// </summary>
    public static byte[] Frame(params ReadOnlySpan<byte[]?> parts)
    {
        // One-shot encoder into pooled buffers: the stream API allocated about 17 KB of buffers per decision.
        var length = FramedLength(parts);
        var framed = ArrayPool<byte>.Shared.Rent(length);
        var compressed = ArrayPool<byte>.Shared.Rent(1 + BrotliEncoder.GetMaxCompressedLength(length));
        try
        {
            Concatenate(parts, framed);
            compressed[0] = BrotliFramed;
            if (!BrotliEncoder.TryCompress(framed.AsSpan(0, length), compressed.AsSpan(1), out var written, FastestQuality, DefaultWindow))
            {
                throw new InvalidOperationException("The decision payload could not be compressed.");
            }

            return compressed.AsSpan(0, 1 + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(framed);
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    // Brotli quality 1 and a 2^22-byte window: what BrotliStream uses for CompressionLevel.Fastest, so rows written
    // before and after read alike.
    private const int FastestQuality = 1;
    private const int DefaultWindow = 22;

    public static byte[]?[] Unframe(ReadOnlySpan<byte> framed)
    {
        if (framed.IsEmpty || framed[0] != BrotliFramed)
        {
            throw new CryptographicException("The decision log payload has an unknown format.");
        }

        using var decompressed = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(framed[1..].ToArray()), CompressionMode.Decompress))
        {
            brotli.CopyTo(decompressed);
        }

        return Split(decompressed.ToArray());
    }

    /// <summary>The format byte of a payload: Brotli over length-framed parts.</summary>
    private const byte BrotliFramed = 1;

    private static int FramedLength(ReadOnlySpan<byte[]?> parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += 4 + (part?.Length ?? 0);
        }

        return length;
    }

    private static void Concatenate(ReadOnlySpan<byte[]?> parts, byte[] framed)
    {
        var at = 0;
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(at), part?.Length ?? -1);
            at += 4;
            part?.CopyTo(framed, at);
            at += part?.Length ?? 0;
        }
    }

    private static byte[]?[] Split(ReadOnlySpan<byte> framed)
    {
        var parts = new List<byte[]?>();
        while (!framed.IsEmpty)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(framed);
            framed = framed[4..];
            parts.Add(length < 0 ? null : framed[..length].ToArray());
            framed = framed[Math.Max(0, length)..];
        }

        return [.. parts];
    }
}
