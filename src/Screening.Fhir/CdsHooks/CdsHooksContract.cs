using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Screening.Fhir.CdsHooks;

// The CDS Hooks 2.0 JSON contract (https://cds-hooks.hl7.org/2.0/): discovery, the hook request, cards and feedback.
// Requests skip members they do not model: CDS Hooks lets a client add `extension` and future fields anywhere.

/// <summary>The discovery response: the services this CDS service offers.</summary>
public sealed record CdsDiscovery(IReadOnlyList<CdsServiceDescription> Services);

/// <summary>One service in discovery: the hook it answers, what it does, and the data it wants prefetched.</summary>
public sealed record CdsServiceDescription(
    string Hook,
    string Title,
    string Description,
    string Id,
    IReadOnlyDictionary<string, string> Prefetch,
    string? UsageRequirements);

/// <summary>A hook call from a CDS client (an EHR).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record CdsHookRequest
{
    /// <summary>The hook that triggered the call; this service answers patient-view.</summary>
    public required string Hook { get; init; }

    /// <summary>A UUID for this call.</summary>
    public required string HookInstance { get; init; }

    /// <summary>The base URL of the client's FHIR server, used only when it is on the configured allowlist.</summary>
    public string? FhirServer { get; init; }

    public FhirAuthorization? FhirAuthorization { get; init; }

    public required PatientViewContext Context { get; init; }

    /// <summary>Prefetched data by key; each value is a FHIR resource (a searchset Bundle for a search template) or null.</summary>
    public IReadOnlyDictionary<string, JsonElement?>? Prefetch { get; init; }
}

/// <summary>The OAuth 2.0 access token the client grants for its FHIR server.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record FhirAuthorization
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public required string TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    public string? Scope { get; init; }

    public string? Subject { get; init; }
}

/// <summary>The patient-view context: the user and the patient whose chart is open.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record PatientViewContext
{
    /// <summary>The user, as a FHIR reference (Practitioner/123, PractitionerRole/..., Patient/..., RelatedPerson/...).</summary>
    public string? UserId { get; init; }

    /// <summary>The FHIR id of the patient.</summary>
    public string? PatientId { get; init; }

    public string? EncounterId { get; init; }
}

/// <summary>The answer to a hook call.</summary>
public sealed record CdsResponse(IReadOnlyList<Card> Cards);

/// <summary>A card the EHR shows the clinician.</summary>
public sealed record Card
{
    /// <summary>The card's id; the screening decision id, so feedback and decision logs join on it.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>At most 140 characters.</summary>
    public required string Summary { get; init; }

    /// <summary>GitHub-flavoured markdown.</summary>
    public string? Detail { get; init; }

    /// <summary>info, warning or critical.</summary>
    public required string Indicator { get; init; }

    public required CardSource Source { get; init; }

    public IReadOnlyList<Suggestion>? Suggestions { get; init; }

    /// <summary>Required when there are suggestions: at-most-one.</summary>
    public string? SelectionBehavior { get; init; }

    public IReadOnlyList<CdsCoding>? OverrideReasons { get; init; }
}

/// <summary>Where a card's guidance comes from.</summary>
public sealed record CardSource(string Label, string? Url, CdsCoding? Topic);

/// <summary>A FHIR Coding in CDS Hooks JSON.</summary>
public sealed record CdsCoding(string System, string Code, string? Display = null);

/// <summary>An action the clinician can accept from a card.</summary>
public sealed record Suggestion(string Label, Guid Uuid, bool? IsRecommended, IReadOnlyList<SuggestionAction> Actions);

/// <summary>Create, update or delete one FHIR resource (its JSON written by the Firely serializer).</summary>
public sealed record SuggestionAction(string Type, string Description, JsonObject? Resource);

/// <summary>What the clinician did with cards.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record CdsFeedbackRequest
{
    public required IReadOnlyList<CardFeedback> Feedback { get; init; }
}

/// <summary>The outcome of one card: accepted (with the suggestions taken) or overridden (with a reason).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record CardFeedback
{
    /// <summary>The uuid of the card.</summary>
    public required string Card { get; init; }

    /// <summary>accepted or overridden.</summary>
    public required string Outcome { get; init; }

    public IReadOnlyList<AcceptedSuggestion>? AcceptedSuggestions { get; init; }

    public OverrideReasonFeedback? OverrideReason { get; init; }

    public required DateTimeOffset OutcomeTimestamp { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record AcceptedSuggestion
{
    public required string Id { get; init; }
}

/// <summary>The override reason the clinician chose, and an optional free-text comment (never logged).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record OverrideReasonFeedback
{
    public CdsCodingInput? Reason { get; init; }

    public string? UserComment { get; init; }
}

/// <summary>A Coding as a client sends it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record CdsCodingInput
{
    public string? System { get; init; }

    public string? Code { get; init; }

    public string? Display { get; init; }
}
