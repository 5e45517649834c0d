using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Screening.Api.OpenApi;
using Screening.Api.Tests.Infrastructure;
using Screening.Fhir;
using Screening.Fhir.CdsHooks;
using static Screening.Api.Tests.CdsHooks.CdsHookCalls;
using Task = System.Threading.Tasks.Task;

namespace Screening.Api.Tests.CdsHooks;

/// <summary>CDS Hooks 2.0: discovery, one card per outcome category, prefetch and fhirServer handling, feedback, and JWT security.</summary>
public class CdsHooksTests(CdsHooksApiFactory factory) : IClassFixture<CdsHooksApiFactory>
{
    private static readonly FhirJsonDeserializer Deserializer = new();

    public static TheoryData<string, string> Indicators() => new()
    {
        { "urgent-crisis-referral", "critical" },
        { "not-eligible-contraindicated", "critical" },
        { "insufficient-information", "warning" },
        { "refer-with-specialist-review", "warning" },
        { "refer", "info" },
        { "not-eligible-criteria-not-met", "info" },
    };

    [Fact]
    public async Task Discovery_lists_the_service_with_its_hook_and_prefetch_template_without_credentials()
    {
        var response = await factory.CreateClient().GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var service = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray())!;
        Assert.Equal("ketamine-referral-screening", service["id"]!.GetValue<string>());
        Assert.Equal("patient-view", service["hook"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(service["title"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(service["description"]!.GetValue<string>()));
        Assert.Equal(
            $"QuestionnaireResponse?questionnaire={TestFhir.Canonicals.Questionnaire}&subject=Patient/{{{{context.patientId}}}}&status=completed&_sort=-authored&_count=1",
            service["prefetch"]!["questionnaireResponse"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public async Task Each_outcome_category_gives_one_card_with_its_indicator(string category, string indicator)
    {
        var response = await CallAsync(Hook(prefetch: Searchset(ResponseFor(category))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        Assert.Equal(indicator, card["indicator"]!.GetValue<string>());
        Assert.InRange(card["summary"]!.GetValue<string>().Length, 1, 140);
        Assert.True(Guid.TryParse(card["uuid"]!.GetValue<string>(), out _));
        Assert.Equal(category, card["source"]!["topic"]!["code"]!.GetValue<string>());
        Assert.Equal(TestFhir.Canonicals.OutcomeCategorySystem, card["source"]!["topic"]!["system"]!.GetValue<string>());
        Assert.StartsWith("Ketamine referral screening, ruleset ", card["source"]!["label"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"{CdsHooksApiFactory.ServiceBaseUrl}/swagger", card["source"]!["url"]!.GetValue<string>());
        Assert.NotEmpty(card["overrideReasons"]!.AsArray());
        Assert.Contains("Decision support for a clinician", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public async Task The_card_detail_lists_every_reason_with_its_source(string category, string _)
    {
        var evaluated = await factory.CreateAuthorizedClient().PostAsync("/v1/screenings", JsonContent.Of(Examples.Named(category).Json));
        var reasons = JsonNode.Parse(await evaluated.Content.ReadAsStringAsync())!["reasons"]!.AsArray();

        var card = await CardAsync(Hook(prefetch: Searchset(ResponseFor(category))));

        var detail = card["detail"]!.GetValue<string>();
        Assert.All(reasons, reason =>
        {
            Assert.Contains($"`{reason!["ruleId"]!.GetValue<string>()}`", detail, StringComparison.Ordinal);
            Assert.Contains(CardBuilder.Escape(reason["source"]!["citation"]!.GetValue<string>()), detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_card_asks_the_blocking_questions_now_and_lists_the_others_as_worth_asking()
    {
        var card = await CardAsync(Hook(prefetch: Searchset(ResponseFor("insufficient-information"))));

        var detail = card["detail"]!.GetValue<string>();
        var askNow = detail.IndexOf("**Ask now**", StringComparison.Ordinal);
        Assert.True(askNow >= 0, detail);
        Assert.Contains("(`instruments.cssrs.intentWithPlan`)", detail[askNow..], StringComparison.Ordinal);
        Assert.DoesNotContain("Information still needed", detail, StringComparison.Ordinal);
        Assert.StartsWith("Insufficient information", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[open](javascript:alert(1))", @"\[open\](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>", @"\<img src=x onerror=alert(1)\>")]
    [InlineData("**bold** `code` | cell ~~gone~~", @"\*\*bold\*\* \`code\` \| cell \~\~gone\~\~")]
    [InlineData("two\nlines", "two lines")]
    public void Text_in_a_card_cannot_add_markdown_links_html_or_lines(string text, string escaped) =>
        Assert.Equal(escaped, CardBuilder.Escape(text));

    [Theory]
    [InlineData("refer")]
    [InlineData("refer-with-specialist-review")]
    public async Task A_referral_suggests_creating_a_valid_draft_service_request(string category)
    {
        var card = await CardAsync(Hook(prefetch: Searchset(ResponseFor(category))));

        Assert.Equal("at-most-one", card["selectionBehavior"]!.GetValue<string>());
        var action = Assert.Single(Assert.Single(card["suggestions"]!.AsArray())!["actions"]!.AsArray())!;
        Assert.Equal("create", action["type"]!.GetValue<string>());
        var request = Assert.IsType<ServiceRequest>(Deserializer.DeserializeResource(action["resource"]!.ToJsonString()));
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(RequestIntent.Proposal, request.Intent);
        Assert.Equal($"Patient/{PatientId}", request.Subject!.Reference);
        Assert.Equal("Practitioner/dr-1", request.Requester!.Reference);
        Assert.Empty(FhirValidation.Errors(request));
    }

    [Theory]
    [InlineData("urgent-crisis-referral")]
    [InlineData("not-eligible-contraindicated")]
    [InlineData("insufficient-information")]
    [InlineData("not-eligible-criteria-not-met")]
    public async Task Other_outcomes_suggest_no_referral(string category)
    {
        var card = await CardAsync(Hook(prefetch: Searchset(ResponseFor(category))));

        Assert.Null(card["suggestions"]);
    }

    [Fact]
    public async Task A_prefetched_questionnaire_response_on_its_own_is_accepted_too()
    {
        var card = await CardAsync(Hook(prefetch: ResponseFor("refer")));

        Assert.Equal("refer", card["source"]!["topic"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_latest_completed_response_is_the_one_evaluated()
    {
        var older = ResponseFor("refer");
        older.Authored = "2026-01-01T10:00:00Z";
        var newer = ResponseFor("urgent-crisis-referral");
        newer.Authored = "2026-06-01T10:00:00Z";
        var inProgress = ResponseFor("not-eligible-contraindicated");
        inProgress.Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress;
        inProgress.Authored = "2026-09-01T10:00:00Z";

        var card = await CardAsync(Hook(prefetch: Searchset(older, newer, inProgress)));

        Assert.Equal("urgent-crisis-referral", card["source"]!["topic"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_completed_questionnaire_gives_no_cards()
    {
        var response = await CallAsync(Hook(prefetch: Searchset()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray());
    }

    [Fact]
    public async Task A_response_about_another_patient_is_refused()
    {
        var other = ResponseFor("refer");
        other.Subject = new ResourceReference("Patient/someone-else");

        var response = await CallAsync(Hook(prefetch: Searchset(other)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("prefetch.questionnaireResponse", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_prefetch_or_fhir_server_the_answer_is_412()
    {
        var response = await CallAsync(Hook());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_fhir_server_off_the_allowlist_is_never_called_and_the_answer_is_412()
    {
        var response = await CallAsync(Hook(fhirServer: "https://attacker.test/r4"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.DoesNotContain(factory.Outbound.Requests, r => r.Uri.Host == "attacker.test");
    }

    [Fact]
    public async Task Without_prefetch_an_allowed_fhir_server_is_searched_with_the_granted_token()
    {
        factory.Outbound.FhirSearchResult = Serializer.SerializeToString(Searchset(ResponseFor("refer-with-specialist-review")));

        var card = await CardAsync(Hook(fhirServer: CdsHooksApiFactory.AllowedFhirServer, prefetch: null, accessToken: "granted-token"));

        Assert.Equal("refer-with-specialist-review", card["source"]!["topic"]!["code"]!.GetValue<string>());
        var search = Assert.Single(factory.Outbound.Requests, r => r.Uri.Host == "fhir.test" && r.Authorization == "Bearer granted-token");
        Assert.Equal("/r4/QuestionnaireResponse", search.Uri.AbsolutePath);
        Assert.Contains($"subject=Patient/{PatientId}", search.Uri.Query, StringComparison.Ordinal);
        Assert.Contains("status=completed", search.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fhir_server_answering_text_that_is_not_utf8_gets_a_412()
    {
        // Decoded with replacement characters, the answer would have been evaluated with changed answers.
        var search = Encoding.UTF8.GetBytes(Serializer.SerializeToString(Searchset(ResponseFor("refer"))));
        var at = Encoding.UTF8.GetString(search).IndexOf("sertraline", StringComparison.Ordinal) + 4;
        factory.Outbound.FhirSearchBytes = [.. search[..at], 0xC3, 0x28, .. search[at..]];
        try
        {
            var response = await CallAsync(Hook(fhirServer: CdsHooksApiFactory.AllowedFhirServer, prefetch: null, accessToken: "token-for-not-utf8"));

            Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
            Assert.Single(factory.Outbound.Requests, r => r.Authorization == "Bearer token-for-not-utf8");
        }
        finally
        {
            factory.Outbound.FhirSearchBytes = null;
        }
    }

    [Fact]
    public async Task A_request_for_another_hook_is_a_400_naming_the_field()
    {
        var hook = Hook(prefetch: Searchset(ResponseFor("refer")));
        hook["hook"] = "order-select";

        var response = await CallAsync(hook);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["hook"]);
    }

    [Fact]
    public async Task A_patient_id_that_is_not_a_fhir_id_is_a_400()
    {
        var hook = Hook(prefetch: Searchset(ResponseFor("refer")));
        hook["context"]!["patientId"] = "../Patient/1?x=";

        var response = await CallAsync(hook);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.NotNull(JsonNode.Parse(body)!["errors"]!["context.patientId"]);
        Assert.DoesNotContain("../Patient", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefetch_fhir_cannot_read_is_a_400_naming_each_problem_by_fhirpath_without_its_values()
    {
        var hook = Hook(prefetch: Searchset(ResponseFor("refer")));
        hook["prefetch"]!["questionnaireResponse"] = JsonNode.Parse(
            """{"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/p1"},"item":[{"linkId":"completedOn","answer":[{"valueDate":"2026-13-45"}]}],"CANARYNAME":1}""");

        var response = await CallAsync(hook);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("2026-13-45", body, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", body, StringComparison.Ordinal);
        var messages = JsonNode.Parse(body)!["errors"]!["prefetch.questionnaireResponse"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains("is not a valid FHIR R4 resource: Invalid literal at QuestionnaireResponse.item[0].answer[0].value", messages);
        Assert.Contains("is not a valid FHIR R4 resource: Unknown element", messages);
    }

    [Fact]
    public async Task A_prefetch_that_is_not_an_object_is_a_400()
    {
        // Firely's parser throws InvalidOperationException on an array where a resource belongs: it was a 500.
        var hook = Hook(prefetch: Searchset(ResponseFor("refer")));
        hook["prefetch"]!["questionnaireResponse"] = new JsonArray();

        var response = await CallAsync(hook);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["prefetch.questionnaireResponse"]!.AsArray();
        Assert.Equal("is not a valid FHIR R4 resource: not a JSON object (a FHIR resource is one)", Assert.Single(messages)!.GetValue<string>());
    }

    [Fact]
    public async Task A_prefetch_holding_half_a_surrogate_pair_is_a_400_locating_the_prefetch()
    {
        var hook = Hook(prefetch: Searchset(ResponseFor("refer"))).ToJsonString().Replace("sertraline", "sert\\ud800raline", StringComparison.Ordinal);

        var response = await Client().PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal("prefetch.(entry 1)", Assert.Single(errors).Key);
    }

    [Fact]
    public async Task A_prefetch_that_does_not_map_is_a_422_locating_the_item()
    {
        var response = ResponseFor("refer");
        response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "zz-not-an-item", Answer = [new() { Value = new FhirBoolean(true) }] });

        var answer = await CallAsync(Hook(prefetch: Searchset(response)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("prefetch.questionnaireResponse.item[", body, StringComparison.Ordinal);
        Assert.DoesNotContain("zz-not-an-item", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_and_feedback_log_no_patient_data()
    {
        var card = await CardAsync(Hook(prefetch: Searchset(ResponseFor("refer"))));
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = card["uuid"]!.GetValue<string>(),
                ["outcome"] = "overridden",
                ["overrideReason"] = new JsonObject
                {
                    ["reason"] = new JsonObject { ["system"] = TestFhir.Canonicals.OverrideReasonSystem, ["code"] = "patient-declines" },
                    ["userComment"] = "zz-canary-comment",
                },
                ["outcomeTimestamp"] = "2026-11-27T10:00:00Z",
            }),
        };

        var response = await Client(CdsHooksApiFactory.Token(audience: CdsHooksApiFactory.FeedbackUrl)).PostAsync("/cds-services/ketamine-referral-screening/feedback", JsonContent.Of(feedback.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = card["uuid"]!.GetValue<string>();
        Assert.Contains(factory.Logs.Containing(decision), e => e.Contains("overridden", StringComparison.Ordinal) && e.Contains("patient-declines", StringComparison.Ordinal));
        Assert.Empty(factory.Logs.Containing("zz-canary-comment"));
        Assert.Empty(factory.Logs.Containing(PatientId));
        Assert.Empty(factory.Logs.Containing("dr-1"));
    }

    [Fact]
    public async Task Feedback_is_kept_with_its_decision_without_the_comment()
    {
        var card = await CardAsync(Hook(prefetch: Searchset(ResponseFor("refer"))));
        var decision = card["uuid"]!.GetValue<string>();
        var feedback = $$"""{"feedback":[{"card":"{{decision}}","outcome":"overridden","overrideReason":{"reason":{"system":"{{TestFhir.Canonicals.OverrideReasonSystem}}","code":"patient-declines"},"userComment":"zz-canary-comment"},"outcomeTimestamp":"2026-11-27T10:00:00Z"}]}""";

        await Client(CdsHooksApiFactory.Token(audience: CdsHooksApiFactory.FeedbackUrl)).PostAsync("/cds-services/ketamine-referral-screening/feedback", JsonContent.Of(feedback));
        var kept = await factory.CreateAuthorizedClient().GetStringAsync($"/v1/screenings/{decision}/feedback");
        var result = JsonNode.Parse(await factory.CreateAuthorizedClient().GetStringAsync($"/v1/screenings/{decision}"))!;

        var entry = Assert.Single(JsonNode.Parse(kept)!.AsArray())!;
        Assert.Equal("overridden", entry["outcome"]!.GetValue<string>());
        Assert.Equal("patient-declines", entry["overrideReason"]!.GetValue<string>());
        Assert.DoesNotContain("zz-canary-comment", kept, StringComparison.Ordinal);
        Assert.Equal(decision, result["decisionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Feedback_on_a_card_this_client_was_not_given_is_not_kept()
    {
        // Another issuer's card, a decision made through the API, and no decision at all: each answered 200, none kept
        // (a row for no decision would outlive every retention purge, which follows the decisions).
        var otherIssuersCard = (await CardAsync(Hook(prefetch: Searchset(ResponseFor("refer")))))["uuid"]!.GetValue<string>();
        var apiDecision = JsonNode.Parse(await (await factory.CreateAuthorizedClient().PostAsync("/v1/screenings", JsonContent.Of(Examples.Named("refer").Json))).Content.ReadAsStringAsync())!["decisionId"]!.GetValue<string>();
        var noDecision = Guid.CreateVersion7().ToString();
        var ecIssuer = CdsHooksApiFactory.Token(CdsHooksApiFactory.EcIssuer, new SigningCredentials(CdsHooksApiFactory.EcKey, SecurityAlgorithms.EcdsaSha384), audience: CdsHooksApiFactory.FeedbackUrl);
        var feedback = $$"""{"feedback":[{"card":"{{otherIssuersCard}}","outcome":"accepted","outcomeTimestamp":"2026-11-27T10:00:00Z"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await Client(ecIssuer).PostAsync("/cds-services/ketamine-referral-screening/feedback", JsonContent.Of(feedback))).StatusCode);
        foreach (var card in new[] { apiDecision, noDecision })
        {
            feedback = $$"""{"feedback":[{"card":"{{card}}","outcome":"accepted","outcomeTimestamp":"2026-11-27T10:00:00Z"}]}""";
            var response = await Client(CdsHooksApiFactory.Token(audience: CdsHooksApiFactory.FeedbackUrl)).PostAsync("/cds-services/ketamine-referral-screening/feedback", JsonContent.Of(feedback));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var store = factory.Services.GetRequiredService<Screening.DecisionLog.DecisionRecorder>().Store;
        foreach (var card in new[] { otherIssuersCard, apiDecision, noDecision })
        {
            Assert.Empty(await store.FeedbackAsync(Guid.Parse(card), CancellationToken.None));
        }
    }

    [Fact]
    public async Task Feedback_with_an_unknown_outcome_is_a_400()
    {
        var feedback = """{"feedback":[{"card":"x","outcome":"ignored","outcomeTimestamp":"2026-11-27T10:00:00Z"}]}""";

        var response = await Client(CdsHooksApiFactory.Token(audience: CdsHooksApiFactory.FeedbackUrl)).PostAsync("/cds-services/ketamine-referral-screening/feedback", JsonContent.Of(feedback));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["feedback[0].outcome"]);
    }

    [Theory]
    [InlineData("rs384")]
    [InlineData("es384")]
    [InlineData("jwks")]
    public async Task A_token_from_each_kind_of_trusted_issuer_is_accepted(string issuer)
    {
        var token = issuer switch
        {
            "rs384" => CdsHooksApiFactory.Token(),
            "es384" => CdsHooksApiFactory.Token(CdsHooksApiFactory.EcIssuer, new SigningCredentials(CdsHooksApiFactory.EcKey, SecurityAlgorithms.EcdsaSha384)),
            _ => CdsHooksApiFactory.Token(CdsHooksApiFactory.JwksIssuer, new SigningCredentials(CdsHooksApiFactory.JwksKey, SecurityAlgorithms.RsaSha256)),
        };

        var response = await CallAsync(Hook(prefetch: Searchset(ResponseFor("refer"))), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadTokens() => ["missing", "api-key-only", "hs256", "unsigned", "untrusted-issuer", "another-issuers-key", "wrong-audience", "expired", "no-jti"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_call_without_a_valid_token_is_401(string kind)
    {
        var client = kind == "api-key-only" ? factory.CreateAuthorizedClient() : factory.CreateClient();
        var token = kind switch
        {
            "hs256" => CdsHooksApiFactory.Token(credentials: new SigningCredentials(new SymmetricSecurityKey(RandomBytes(32)), SecurityAlgorithms.HmacSha256)),
            "unsigned" => CdsHooksApiFactory.Token(withSignature: false),
            "untrusted-issuer" => CdsHooksApiFactory.Token("https://unknown-ehr.test", new SigningCredentials(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)), SecurityAlgorithms.RsaSha384)),
            "another-issuers-key" => CdsHooksApiFactory.Token(CdsHooksApiFactory.EcIssuer),
            "wrong-audience" => CdsHooksApiFactory.Token(audience: "https://other.test/cds-services/ketamine-referral-screening"),
            "expired" => CdsHooksApiFactory.Token(expires: DateTime.UtcNow.AddMinutes(-2)),
            "no-jti" => WithoutJti(),
            _ => null,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(Hook(prefetch: Searchset(ResponseFor("refer"))).ToJsonString()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_replayed_token_is_401()
    {
        var token = CdsHooksApiFactory.Token();
        var hook = Hook(prefetch: Searchset(ResponseFor("refer")));

        var first = await CallAsync(hook, token);
        var replay = await CallAsync(hook, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task A_new_token_reusing_a_jti_is_401()
    {
        var jti = Guid.NewGuid().ToString();
        var hook = Hook(prefetch: Searchset(ResponseFor("refer")));

        var first = await CallAsync(hook, CdsHooksApiFactory.Token(jti: jti));
        var reused = await CallAsync(hook, CdsHooksApiFactory.Token(jti: jti, expires: DateTime.UtcNow.AddMinutes(4)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
    }

    [Fact]
    public async Task The_feedback_endpoint_needs_a_token_too()
    {
        var response = await factory.CreateAuthorizedClient().PostAsync("/cds-services/ketamine-referral-screening/feedback", JsonContent.Of("""{"feedback":[]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string WithoutJti()
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = CdsHooksApiFactory.RsaIssuer,
            Audience = CdsHooksApiFactory.ServiceUrl,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(CdsHooksApiFactory.RsaKey, SecurityAlgorithms.RsaSha384),
        };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static byte[] RandomBytes(int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);

    private HttpClient Client(string? token = null) => CdsHookCalls.Client(factory, token);

    private Task<HttpResponseMessage> CallAsync(JsonObject hook, string? token = null) =>
        Client(token).PostAsync("/cds-services/ketamine-referral-screening", JsonContent.Of(hook.ToJsonString()));

    private async Task<JsonNode> CardAsync(JsonObject hook)
    {
        var response = await CallAsync(hook);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
    }
}
