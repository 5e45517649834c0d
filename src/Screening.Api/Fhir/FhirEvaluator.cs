using System.Text;
using Hl7.Fhir.Model;
using Screening.Api.Validation;
using Screening.Domain.Intake;
using Screening.Domain.Outcome;
using Screening.Api.Screenings;
using Screening.Fhir;

namespace Screening.Api.Fhir;

/// <summary>The answer to an evaluation: the FHIR response to send, and the screening result when there is one.</summary>
public sealed record FhirEvaluation(IResult Response, ScreeningResult? Result);

/// <summary>
/// Evaluates a QuestionnaireResponse: parse (Firely, strict), map to the intake model, validate with the JSON API's
/// validators, run the engine, and build the GuidanceResponse. Shared by $evaluate and the CDS Hooks service.
/// </summary>
public sealed class FhirEvaluator(IntakeReader reader, ScreeningDecisions decisions)
{
    public async ValueTask<FhirEvaluation> EvaluateAsync(string json, string clientId, FhirCanonicals canonicals)
    {
        return FhirJson.TryParse(json, out var problems) switch
        {
            null => new(FhirResult.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure, problems.Select(p => (p.Expression, p.Message))), null),
            QuestionnaireResponse response => await EvaluateAsync(response, clientId, canonicals),
            _ => new(FhirResult.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, "The body must be a QuestionnaireResponse."), null),
        };
    }

    public async ValueTask<FhirEvaluation> EvaluateAsync(QuestionnaireResponse response, string clientId, FhirCanonicals canonicals)
    {
        var (request, issues) = ToRequest(response, canonicals);
        if (request is null)
        {
            return new(FhirResult.Outcome(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.Invalid,
                issues.Select(i => ((string?)i.Location, i.Message))), null);
        }

        // The GuidanceResponse is kept with the decision, as sent, for GET /fhir/GuidanceResponse/{id}.
        var decision = await decisions.DecideAsync(request, DecisionChannel.Fhir, clientId,
            result => Encoding.UTF8.GetBytes(FhirJson.Serialize(GuidanceResponseBuilder.Build(result, response.Subject, canonicals))));
        return new(new FhirJsonResult(decision.FhirJson!), decision.Result);
    }

    /// <summary>The intake a response maps to and passes the intake validators as, or the issues (located, never quoting the input) why not.</summary>
    public (ScreeningRequest? Request, IReadOnlyList<MappingIssue> Issues) ToRequest(QuestionnaireResponse response, FhirCanonicals canonicals)
    {
        var mapped = QuestionnaireResponseMapper.Map(response, canonicals);
        if (mapped.Intake is null)
        {
            return (null, mapped.Issues);
        }

        var read = reader.Parse<ScreeningRequest>(Encoding.UTF8.GetBytes(mapped.Intake.ToJsonString()));
        if (read.Value is { } request)
        {
            return (request, []);
        }

        var errors = (read.Problem?.ProblemDetails as Microsoft.AspNetCore.Http.HttpValidationProblemDetails)?.Errors
            ?? new Dictionary<string, string[]> { [string.Empty] = ["is not valid"] };
        return (null, errors.SelectMany(e => e.Value.Select(message => new MappingIssue(
            $"QuestionnaireResponse.item.where(linkId='{GuidanceResponseBuilder.LinkIdOf(e.Key)}')",
            $"item '{GuidanceResponseBuilder.LinkIdOf(e.Key)}': {message}"))).ToArray());
    }
}
