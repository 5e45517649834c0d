using Microsoft.AspNetCore.Http.HttpResults;
using Screening.Api.OpenApi;
using Screening.Engine;
using Screening.Engine.Catalog;

namespace Screening.Api.RuleCatalog;

/// <summary>The rule catalog and the ruleset identity: what the service decides with, for review and audit.</summary>
public static class RulesApi
{
    public static RouteGroupBuilder MapRuleCatalog(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Rules").WithAccessProblems();

        group.MapGet("/rules", ListRules)
            .WithName("ListRules")
            .WithSummary("List every rule of the ruleset")
            .WithDescription("The rule catalog: for each rule its stable id from the clinical specification, title, kind (urgent, absolute, temporary, relative, info, indication, derivation, outcome), a clinician-readable description, the published source with its status tag (V verified, P published but not read, U unverified, POLICY program decision), the evidence level and regulatory status of indications, and the policy parameters it reads.");

        group.MapGet("/rules/{id}", GetRule)
            .WithName("GetRule")
            .WithSummary("Get one rule by its id")
            .WithDescription("One catalog entry, e.g. CI_AVM or IND_TRD. Rule ids are upper case, as in the clinical specification.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/ruleset", GetRuleset)
            .WithName("GetRuleset")
            .WithSummary("Get the ruleset version, hash and policy in force")
            .WithDescription("The ruleset's semantic version, its SHA-256 content hash (over every rule's metadata and the policy values), the number of rules, the program-policy parameters in force and the named profiles. Every screening result carries the same version and hash.");

        return group;
    }

    private static Ok<IReadOnlyList<RuleCatalogEntry>> ListRules(ScreeningEngine engine) => TypedResults.Ok(engine.Catalog.Entries);

    private static Results<Ok<RuleCatalogEntry>, ProblemHttpResult> GetRule(string id, ScreeningEngine engine) =>
        engine.Catalog.Find(id) is { } entry
            ? TypedResults.Ok(entry)
            : TypedResults.Problem("No rule has this id. GET /v1/rules lists them.", statusCode: StatusCodes.Status404NotFound, title: "Rule not found");

    private static Ok<RulesetDescription> GetRuleset(ScreeningEngine engine) => TypedResults.Ok(engine.Catalog.Description);
}
