using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Screening.Engine;
using Screening.Fhir;
using Screening.Fhir.CdsHooks;

namespace Screening.Api.Fhir;

/// <summary>FHIR settings, from <c>Screening:Fhir</c>.</summary>
public sealed class FhirOptions
{
    public const string Section = "Screening:Fhir";

    /// <summary>
    /// The base of every canonical URL the service hands out (the Questionnaire's url, its code systems, the
    /// $evaluate definition). Unset, it is the service's own /fhir URL as the request reached it, so the canonicals
    /// resolve here; set it when the service is reached under several names or behind a proxy, so that a form and
    /// its responses keep one canonical.
    /// </summary>
    public Uri? CanonicalBase { get; set; }

    public static bool IsValid(FhirOptions options) =>
        options.CanonicalBase is null
        || (options.CanonicalBase.IsAbsoluteUri && options.CanonicalBase.Scheme is "http" or "https"
            && options.CanonicalBase.Query.Length == 0 && options.CanonicalBase.Fragment.Length == 0 && options.CanonicalBase.UserInfo.Length == 0);
}

/// <summary>The service's FHIR resources under one canonical base, built once per base: they only change with a new release.</summary>
public sealed class FhirArtefacts
{
    public FhirArtefacts(FhirCanonicals canonicals, ScreeningEngine engine)
    {
        Canonicals = canonicals;
        Questionnaire = QuestionnaireBuilder.Build(canonicals);
        Capabilities = CapabilityStatementBuilder.Build(canonicals);
        CodeSystems = TerminologyBuilder.CodeSystems(engine.Catalog, canonicals);
        Evaluation = TerminologyBuilder.EvaluateOperation(canonicals);
        CdsDiscovery = new CdsDiscovery([ScreeningCdsService.Description(canonicals)]);
    }

    public FhirCanonicals Canonicals { get; }

    public Questionnaire Questionnaire { get; }

    public CapabilityStatement Capabilities { get; }

    public IReadOnlyDictionary<string, CodeSystem> CodeSystems { get; }

    public OperationDefinition Evaluation { get; }

    public CdsDiscovery CdsDiscovery { get; }
}

/// <summary>The canonical base in force for a request: the configured one, or the service's own /fhir URL as the request reached it.</summary>
public sealed class FhirCanonicalBase(IOptions<FhirOptions> options, ScreeningEngine engine)
{
    // A service is reached under a handful of names; beyond this many (a client varying the Host header), the
    // artefacts are built per request rather than kept.
    private const int MaxKeptBases = 16;

    private readonly ConcurrentDictionary<string, FhirArtefacts> _kept = new(StringComparer.Ordinal);

    public FhirArtefacts For(HttpRequest request)
    {
        var baseUrl = BaseOf(request);
        if (_kept.TryGetValue(baseUrl, out var artefacts))
        {
            return artefacts;
        }

        artefacts = new FhirArtefacts(new FhirCanonicals(baseUrl), engine);
        return _kept.Count < MaxKeptBases ? _kept.GetOrAdd(baseUrl, artefacts) : artefacts;
    }

    /// <summary>The canonicals alone ($evaluate, CDS calls): the resources are built only for a base that is kept.</summary>
    public FhirCanonicals CanonicalsFor(HttpRequest request)
    {
        var baseUrl = BaseOf(request);
        return _kept.TryGetValue(baseUrl, out var artefacts) ? artefacts.Canonicals
            : _kept.Count < MaxKeptBases ? For(request).Canonicals
            : new FhirCanonicals(baseUrl);
    }

    private string BaseOf(HttpRequest request) =>
        options.Value.CanonicalBase?.AbsoluteUri.TrimEnd('/')
        ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{OperationOutcomeWriter.FhirPath}";

    public static IServiceCollection AddFhir(IServiceCollection services)
    {
        services.AddOptions<FhirOptions>()
            .BindConfiguration(FhirOptions.Section)
            .Validate(FhirOptions.IsValid, $"{FhirOptions.Section}:CanonicalBase must be an absolute http(s) URL without query, fragment or credentials.")
            .ValidateOnStart();
        services.AddSingleton<FhirCanonicalBase>();
        services.AddSingleton<FhirEvaluator>();
        return services;
    }
}
