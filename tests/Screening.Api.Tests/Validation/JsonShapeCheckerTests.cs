using System.Text;
using System.Text.Json.Nodes;
using Screening.Api.Screenings;
using Screening.Api.Tests.Infrastructure;
using Screening.Api.Validation;
using Screening.Domain.Intake;

namespace Screening.Api.Tests.Validation;

/// <summary>
/// The shape check: every error under its path; a stop at the 50th error and at an array past its limit, so that a flood
/// costs no more than a well-formed body; and the check of a body's beginning, which may refuse only what the whole body
/// would be refused for.
/// </summary>
public class JsonShapeCheckerTests
{
    private static readonly JsonShape Screening = JsonShape.Of(typeof(ScreeningRequest));
    private static readonly JsonShape Batch = JsonShape.Of(typeof(BatchScreeningRequest));
    private static readonly byte[] Refer = Encoding.UTF8.GetBytes(Examples.Named("refer").Json);

    [Fact]
    public void Every_error_is_listed_under_its_path()
    {
        var body = JsonNode.Parse(Refer)!.AsObject();
        body["patient"]!["dateOfBirth"] = "14/05/1980";
        body["vitals"]!["systolicMmHg"] = 900;
        body["instruments"]!["phq9"]!["item9"] = "none";

        var errors = JsonShapeChecker.Check(Encoding.UTF8.GetBytes(body.ToJsonString()), Screening);

        Assert.NotNull(errors);
        Assert.False(errors.StoppedEarly);
        Assert.Equal(["instruments.phq9.item9", "patient.dateOfBirth", "vitals.systolicMmHg"], errors.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_check_stops_at_the_50th_error()
    {
        var unknown = string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"\"x{i}\":0"));

        var errors = JsonShapeChecker.Check(Encoding.UTF8.GetBytes("{" + unknown + "}"), Screening);

        Assert.NotNull(errors);
        Assert.Equal(JsonShapeChecker.MaxErrors, errors.Errors.Count);
        Assert.True(errors.StoppedEarly);
    }

    [Fact]
    public void An_array_past_its_limit_stops_the_check_there()
    {
        // The unknown property after the flood is never looked at.
        var body = "{\"items\":[" + string.Join(',', Enumerable.Repeat("0", 524_000)) + "],\"zz\":1}";

        var errors = JsonShapeChecker.Check(Encoding.UTF8.GetBytes(body), Batch);

        Assert.NotNull(errors);
        var error = Assert.Single(errors.Errors);
        Assert.Equal(("items", "must be an array of at most 100 items"), (error.Field, error.Message));
        Assert.True(errors.StoppedEarly);
    }

    [Fact]
    public void The_beginning_of_a_flood_is_refused()
    {
        var flood = Encoding.UTF8.GetBytes("{\"items\":[" + string.Join(',', Enumerable.Repeat("0", 524_000)) + "]}");

        var errors = JsonShapeChecker.CheckBeginning(flood.AsSpan(0, IntakeReader.FirstProbeBytes), Batch);

        Assert.NotNull(errors);
        Assert.Equal("items", Assert.Single(errors.Errors).Field);
    }

    [Fact]
    public void No_beginning_of_a_valid_body_is_refused()
    {
        var batch = Encoding.UTF8.GetBytes("{\"items\":[" + string.Join(',', Enumerable.Repeat(Encoding.UTF8.GetString(Refer), 3)) + "]}");

        foreach (var (body, shape) in new[] { (Refer, Screening), (batch, Batch) })
        {
            for (var length = 0; length <= body.Length; length++)
            {
                Assert.True(JsonShapeChecker.CheckBeginning(body.AsSpan(0, length), shape) is null, $"refused after {length} of {body.Length} bytes");
            }
        }
    }

    public static TheoryData<string> BodiesWithErrors() =>
    [
        """{"patient":{"dateOfBirth":"yesterday"},"vitals":{}}""",
        """{"patient":{"sexAtBirth":"female","sexAtBrith":"male"},"vitals":{}}""",
        """{"patient":{"sexAtBirth":"female"},"patient":{}}""",
        """{"treatmentTrials":[""" + string.Join(',', Enumerable.Repeat("""{"condition":"depression"}""", 200)) + "]}",
        """{"vitals":{"bloodPressureReadings":[""" + string.Join(',', Enumerable.Repeat("""{"systolicMmHg":120,"diastolicMmHg":80}""", 5)) + "]}}",
    ];

    [Theory]
    [MemberData(nameof(BodiesWithErrors))]
    public void What_a_beginning_is_refused_for_the_whole_body_is_refused_for_too(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        var whole = JsonShapeChecker.Check(body, Screening);
        Assert.NotNull(whole);

        for (var length = 0; length <= body.Length; length++)
        {
            if (JsonShapeChecker.CheckBeginning(body.AsSpan(0, length), Screening) is { } early)
            {
                Assert.All(early.Errors, e => Assert.Contains(e, whole.Errors));
            }
        }
    }
}
