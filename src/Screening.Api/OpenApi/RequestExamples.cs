using System.Text.Json;
using Screening.Domain.Intake;
using Screening.Domain.Json;
using Screening.Domain.Outcome;

namespace Screening.Api.OpenApi;

/// <summary>A named request example: one per outcome category, named by the category it yields.</summary>
public sealed record RequestExample(string Name, OutcomeCategory Category, string Summary, string Json)
{
    public ScreeningRequest Request { get; } = JsonSerializer.Deserialize<ScreeningRequest>(Json, ScreeningJson.Options)!;
}

/// <summary>
/// The per-category example questionnaires (Examples/*.json, embedded). They are served in the OpenAPI document,
/// evaluated at warm-up, and used by the tests, the benchmarks and the load script.
/// </summary>
public static class RequestExamples
{
    public static IReadOnlyList<RequestExample> All { get; } =
    [
        Load(OutcomeCategory.Refer, "TRD with two failed adequate antidepressant trials, no cautions: refer for on-label esketamine."),
        Load(OutcomeCategory.ReferWithSpecialistReview, "TRD with blood pressure 146/92 (above the 140/90 general guide): specialist review."),
        Load(OutcomeCategory.NotEligibleCriteriaNotMet, "Depression with one failed trial (the other improved 60 %): TRD criteria not met."),
        Load(OutcomeCategory.InsufficientInformation, "TRD, but the C-SSRS screener was not completed and PHQ-9 item 9 is 1: complete the suicide risk assessment."),
        Load(OutcomeCategory.NotEligibleContraindicated, "TRD with an arteriovenous malformation: absolute contraindication."),
        Load(OutcomeCategory.UrgentCrisisReferral, "C-SSRS item 4 (suicidal intent) in the past month: urgent psychiatric crisis referral."),
    ];

    public static RequestExample Get(OutcomeCategory category) => All.Single(e => e.Category == category);

    /// <summary>The JSON name of a category, e.g. refer-with-specialist-review.</summary>
    public static string NameOf(OutcomeCategory category) => ScreeningJson.NameOf(category);

    private static RequestExample Load(OutcomeCategory category, string summary)
    {
        var name = NameOf(category);
        using var stream = typeof(RequestExamples).Assembly.GetManifestResourceStream($"Examples.{name}.json")
            ?? throw new InvalidOperationException($"Example {name}.json is not embedded.");
        using var reader = new StreamReader(stream);
        return new RequestExample(name, category, summary, reader.ReadToEnd());
    }
}
