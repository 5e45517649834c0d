using System.Net;
using System.Text;
using System.Text.Json;
using Screening.Api.Tests.Infrastructure;

namespace Screening.Api.Tests;

[Collection(SharedApi.Name)]
public class BatchTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAuthorizedClient();

    [Fact]
    public async Task One_invalid_item_gets_its_own_error_and_the_others_are_evaluated_in_order()
    {
        var refer = Examples.Named("refer").Json;
        var urgent = Examples.Named("urgent-crisis-referral").Json;
        var body = $$$"""{"items":[{{{refer}}},{"vitals":{"systolicMmHg":999}},{{{urgent}}},{"patient":{"pregnant":"maybe"}}]}""";

        var response = await _client.PostAsync("/v1/screenings/batch", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal([200, 400, 200, 400], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("refer", results[0].GetProperty("result").GetProperty("outcome").GetProperty("category").GetString());
        Assert.Equal("urgent-crisis-referral", results[2].GetProperty("result").GetProperty("outcome").GetProperty("category").GetString());
        Assert.True(results[1].GetProperty("problem").GetProperty("errors").TryGetProperty("items[1].vitals.systolicMmHg", out _));
        Assert.True(results[3].GetProperty("problem").GetProperty("errors").TryGetProperty("items[3].patient.pregnant", out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30 })]
    public async Task Text_that_does_not_decode_in_one_item_is_a_400_for_the_batch_naming_the_item(byte[] spoiler)
    {
        // Invalid UTF-8 (here a surrogate encoded, and a broken sequence) or a lone surrogate escape ("\ud800") in an item's
        // drug name: the whole body is not text, as with invalid UTF-8 in a single screening. Reading the item threw (a 500).
        var refer = Encoding.UTF8.GetBytes(Examples.Named("refer").Json);
        var at = Encoding.UTF8.GetString(refer).IndexOf("sertraline", StringComparison.Ordinal) + 4;
        byte[] body = [.. "{\"items\":["u8, .. refer, (byte)',', .. refer[..at], .. spoiler, .. refer[at..], .. "]}"u8];

        var response = await _client.PostAsync("/v1/screenings/batch", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["items[1]"], json.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task More_than_100_items_is_a_400_naming_items()
    {
        var body = $$"""{"items":[{{string.Join(",", Enumerable.Repeat("{}", 101))}}]}""";

        var response = await _client.PostAsync("/v1/screenings/batch", JsonContent.Of(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("items", out _));
    }

    [Fact]
    public async Task An_empty_batch_is_a_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/v1/screenings/batch", JsonContent.Of("""{"items":[]}"""))).StatusCode);
}
