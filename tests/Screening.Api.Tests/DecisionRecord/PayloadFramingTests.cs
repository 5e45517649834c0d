using System.Buffers.Binary;
using System.IO.Compression;
using Screening.DecisionLog;

namespace Screening.Api.Tests.DecisionRecord;

/// <summary>What the record keeps of a decision comes back exactly as it went in, including rows written by earlier versions.</summary>
public class PayloadFramingTests
{
    private static readonly byte[] Request = "{\"patient\":{\"dateOfBirth\":\"1985-03-12\"}}"u8.ToArray();
    private static readonly byte[] Response = "{\"decisionId\":\"0193a1c4-0000-7000-8000-000000000001\",\"summary\":\"Refer > 140 mmHg\"}"u8.ToArray();

    [Fact]
    public void Parts_come_back_byte_for_byte_with_a_missing_part_kept_missing()
    {
        var parts = PayloadProtector.Unframe(PayloadProtector.Frame(Request, Response, null, []));

        Assert.Equal(4, parts.Length);
        Assert.Equal(Request, parts[0]);
        Assert.Equal(Response, parts[1]);
        Assert.Null(parts[2]);
        Assert.Equal(Array.Empty<byte>(), parts[3]);
    }

    [Fact]
    public void A_payload_framed_by_the_earlier_stream_encoder_still_reads()
    {
        // The format of the rows kept before the one-shot encoder: format byte 1, then BrotliStream (Fastest) over the framed parts.
        var framed = new byte[8 + Request.Length + Response.Length];
        BinaryPrimitives.WriteInt32BigEndian(framed, Request.Length);
        Request.CopyTo(framed, 4);
        BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(4 + Request.Length), Response.Length);
        Response.CopyTo(framed, 8 + Request.Length);
        using var earlier = new MemoryStream();
        earlier.WriteByte(1);
        using (var brotli = new BrotliStream(earlier, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(framed);
        }

        var parts = PayloadProtector.Unframe(earlier.ToArray());

        Assert.Equal([Request, Response], parts);
    }
}
