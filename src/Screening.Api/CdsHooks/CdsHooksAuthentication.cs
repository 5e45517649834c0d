using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Screening.Api.CdsHooks;

/// <summary>
/// CDS Hooks authentication as the specification requires: the EHR signs a JWT with its private key; the service
/// accepts it only from a configured issuer, checked with that issuer's key, with an asymmetric algorithm, an
/// <c>aud</c> equal to the service URL, an unexpired <c>exp</c>, and a <c>jti</c> not seen before. ASP.NET Core's
/// JwtBearer handler does the validation; 401 problem+json otherwise.
/// </summary>
public static class CdsHooksAuthentication
{
    public const string Scheme = "CdsHooks";
    public const string Policy = "CdsHooksClient";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Only asymmetric signatures: an EHR's public key can verify but never forge a token.</summary>
    public static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static IServiceCollection AddCdsHooks(this IServiceCollection services)
    {
        services.AddOptions<CdsHooksOptions>()
            .BindConfiguration(CdsHooksOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidation>();
        services.AddSingleton<TrustedIssuerKeys>();
        services.AddSingleton<TokenReplayCache>();
        services.AddSingleton<CdsFeedbackRecorder>();

        // Outbound calls: no redirects (a redirect could leave the allowlist), a short timeout, and no HttpClient
        // logging (its request lines would carry patient ids).
        services.AddHttpClient(TrustedIssuerKeys.JwksClient, ConfigureTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddHttpClient<FhirServerClient>(ConfigureTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();

        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<CdsHooksOptions>, TrustedIssuerKeys, TokenReplayCache>(
            (jwt, cds, keys, replays) =>
            {
                jwt.MapInboundClaims = false;
                jwt.IncludeErrorDetails = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = keys.Issuers,
                    ValidAudiences = cds.Value.Audiences,
                    ValidAlgorithms = Algorithms,
                    IssuerSigningKeyResolver = (_, token, _, _) => keys.KeysFor(token.Issuer),
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ValidateLifetime = true,
                    ClockSkew = ClockSkew,
                    NameClaimType = JwtRegisteredClaimNames.Iss,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context => FetchKeysAsync(context, keys),
                    OnTokenValidated = context => RejectReplays(context, replays),
                    OnChallenge = WriteChallengeAsync,
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    private static void ConfigureTimeout(IServiceProvider services, HttpClient client) =>
        client.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<CdsHooksOptions>>().Value.OutboundTimeoutSeconds);

    /// <summary>Reads the token's issuer and key id (unvalidated) only to fetch that trusted issuer's JWK Set in time.</summary>
    private static async Task FetchKeysAsync(MessageReceivedContext context, TrustedIssuerKeys keys)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        context.Token = header["Bearer ".Length..].Trim();
        var handler = new JsonWebTokenHandler();
        if (handler.CanReadToken(context.Token))
        {
            try
            {
                var token = handler.ReadJsonWebToken(context.Token);
                await keys.PrepareAsync(token.Issuer, token.Kid, context.HttpContext.RequestAborted);
            }
            catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
            {
                // Malformed: validation rejects it next.
            }
        }
    }

    private static Task RejectReplays(TokenValidatedContext context, TokenReplayCache replays)
    {
        if (context.SecurityToken is not JsonWebToken token || string.IsNullOrEmpty(token.Id))
        {
            context.Fail("The token has no jti.");
        }
        else if (!replays.TryRecord(token.Issuer, token.Id, token.ValidTo))
        {
            context.Fail("The token's jti was already used.");
        }

        return Task.CompletedTask;
    }

    /// <summary>401 as problem+json; which check failed is not said, so a forger learns nothing.</summary>
    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = "Send a JWT signed by a trusted CDS client (asymmetric algorithm; aud the service URL; exp; a fresh jti) as a Bearer token.",
            },
        });
    }
}

/// <summary>Names every CDS Hooks configuration problem at start-up.</summary>
internal sealed class CdsHooksOptionsValidation : IValidateOptions<CdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        var problems = options.Problems().ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
