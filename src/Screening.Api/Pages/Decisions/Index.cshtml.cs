using Microsoft.AspNetCore.Mvc.RazorPages;
using Screening.Api.DecisionRecord;
using Screening.DecisionLog;
using Screening.Domain.Json;
using Screening.Domain.Outcome;

namespace Screening.Api.Pages;

/// <summary>The coordinator's decisions from the decision record, filtered by date and outcome, newest first, paged.</summary>
public sealed class DecisionListModel(DecisionRecorder record, DecisionAccess access) : PageModel
{
    private const int PageSize = 25;

    public IReadOnlyList<DecisionSummary> Items { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public string? Category { get; private set; }

    public bool Auditor => access.IsAuditor(User);

    public bool RecordEnabled => record.Enabled;

    public IReadOnlyList<string> Categories { get; } = [.. ScreeningJson.NamesOf(typeof(OutcomeCategory))];

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, string? category, string? cursor, CancellationToken cancellationToken)
    {
        From = from;
        To = to;
        Category = Categories.Contains(category) ? category : null;
        if (!record.Enabled)
        {
            return;
        }

        var query = new DecisionQuery(
            from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            // The end of the day "to": the next day's start; after the calendar's last day there is none (no bound).
            to is { } last && last < DateOnly.MaxValue ? last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            Category,
            access.ListingScope(User),
            PageSize,
            DecisionCursor.Decode(cursor));
        Items = await record.Store.ListAsync(query, cancellationToken);
        NextCursor = Items.Count == PageSize ? new DecisionCursor(Items[^1].DecidedAt, Items[^1].DecisionId).Encode() : null;
    }

    public string NextPageUrl(string cursor) => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["category"] = Category,
        ["cursor"] = cursor,
    }.Where(p => p.Value is not null)).ToUriComponent() is var query ? "/decisions" + query : "/decisions";
}
