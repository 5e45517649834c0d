using Hl7.Fhir.Model;
using Screening.Rules;

namespace Screening.Fhir;

/// <summary>What the FHIR endpoints do: read the Questionnaire, evaluate a QuestionnaireResponse.</summary>
public static class CapabilityStatementBuilder
{
    public static CapabilityStatement Build(FhirCanonicals canonicals) => new()
    {
        Status = PublicationStatus.Active,
        Date = "2026-11-27",
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "Ketamine / esketamine referral screening", Version = RulesetInfo.Version },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "Screening API: FHIR R4 Questionnaire and QuestionnaireResponse evaluation (decision support, not a diagnosis)." },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "Authenticate with the X-API-Key header. Errors are OperationOutcome resources.",
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Questionnaire",
                        Documentation = $"GET /fhir/Questionnaire/{FhirCanonicals.QuestionnaireId}: the screening questionnaire, generated from the intake model.",
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                    },
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "QuestionnaireResponse",
                        Documentation = "POST /fhir/QuestionnaireResponse/$evaluate: evaluates a response into a GuidanceResponse.",
                        Operation =
                        [
                            new CapabilityStatement.OperationComponent { Name = "evaluate", Definition = canonicals.EvaluateOperation },
                        ],
                    },
                ],
            },
        ],
    };
}
