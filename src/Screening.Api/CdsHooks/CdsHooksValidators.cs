using FluentValidation;
using Screening.Api.Validation;
using Screening.Fhir.CdsHooks;

namespace Screening.Api.CdsHooks;

/// <summary>A patient-view call: the hook, a UUID hook instance, a FHIR patient id, and a usable FHIR server URL if one is given.</summary>
public sealed class CdsHookRequestValidator : AbstractValidator<CdsHookRequest>
{
    /// <summary>The FHIR id datatype: 1-64 of letters, digits, '-' and '.'.</summary>
    public const string FhirIdPattern = @"^[A-Za-z0-9\-\.]{1,64}$";

    public CdsHookRequestValidator()
    {
        RuleFor(r => r.Hook).Equal(ScreeningCdsService.Hook).WithMessage($"must be {ScreeningCdsService.Hook}: the only hook this service answers");
        RuleFor(r => r.HookInstance).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a UUID");
        RuleFor(r => r.FhirServer)
            .Must(url => url is null || (url.Length <= 2048 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            .WithMessage("must be an absolute http(s) URL");
        // RFC 6750 b64token characters only: the token is sent on as a header, where a line break or other control
        // character would be refused by the HTTP client (and must never become a 500).
        RuleFor(r => r.FhirAuthorization!.AccessToken).NotEmpty().MaximumLength(8192).Matches(@"^[A-Za-z0-9\-._~+/]+=*$")
            .WithMessage("must be an OAuth 2.0 bearer token of at most 8192 characters (letters, digits and - . _ ~ + / =)")
            .OverridePropertyName("fhirAuthorization.access_token")
            .When(r => r.FhirAuthorization is not null);
        RuleFor(r => r.FhirAuthorization!.TokenType).Equal("Bearer").WithMessage("must be Bearer")
            .OverridePropertyName("fhirAuthorization.token_type")
            .When(r => r.FhirAuthorization is not null);
        RuleFor(r => r.Context.PatientId).NotNull().WithMessage("is required for patient-view")
            .Matches(FhirIdPattern).WithMessage("must be a FHIR id (1-64 letters, digits, '-' or '.')");
        RuleFor(r => r.Context.UserId)
            .Matches(@"^(Practitioner|PractitionerRole|Patient|RelatedPerson)/[A-Za-z0-9\-\.]{1,64}$")
            .WithMessage("must be a FHIR reference such as Practitioner/123")
            .When(r => r.Context.UserId is not null);
        RuleFor(r => r.Context.EncounterId).Matches(FhirIdPattern).WithMessage("must be a FHIR id")
            .When(r => r.Context.EncounterId is not null);
        RuleFor(r => r.Prefetch).Must(p => p is null || p.Count <= 10).WithMessage("may hold at most 10 entries");
    }
}

/// <summary>Feedback: one entry per card, each accepted or overridden.</summary>
public sealed class CdsFeedbackRequestValidator : AbstractValidator<CdsFeedbackRequest>
{
    public CdsFeedbackRequestValidator()
    {
        RuleFor(r => r.Feedback).NotEmpty().WithMessage("must hold at least one entry")
            .Must(f => f.Count <= 100).WithMessage("may hold at most 100 entries");
        RuleForEach(r => r.Feedback).ChildRules(entry =>
        {
            entry.RuleFor(f => f.Card).NotEmpty().MaximumLength(128).WithMessage("must be the card's uuid");
            entry.RuleFor(f => f.Outcome).Must(o => o is "accepted" or "overridden").WithMessage("must be accepted or overridden");
            entry.RuleFor(f => f.AcceptedSuggestions).Must(s => s is null || s.Count <= 20).WithMessage("may hold at most 20 entries");
            entry.RuleFor(f => f.OverrideReason!.UserComment).MaximumLength(2000).WithMessage("must be at most 2000 characters")
                .When(f => f.OverrideReason is not null);
        });
    }
}
