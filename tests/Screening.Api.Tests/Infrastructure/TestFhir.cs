using Screening.Fhir;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>The canonical URLs the in-memory test server hands out: with no configured base, its own /fhir URL.</summary>
public static class TestFhir
{
    public static FhirCanonicals Canonicals { get; } = new("http://localhost/fhir");
}
