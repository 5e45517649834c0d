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
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<CdsHooksOptions>, TrustedIssuerKeys, TokenReplayCache, TimeProvider>(
            (jwt, cds, keys, replays, time) =>
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
                    // The rate limiter partitions by this: one window per trusted issuer.
                    AuthenticationType = Scheme,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context => FetchKeysAsync(context, keys),
                    OnTokenValidated = context => CheckCdsHooksRules(context, cds.Value, replays, time),
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

    /// <summary>The longest a token may live (CDS Hooks: "a short expiration, 5 minutes or less").</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What CDS Hooks asks beyond the library's checks: no critical header extensions, numeric exp and iat, iat not in
    /// the future, a lifetime of at most 5 minutes, the audience of this very endpoint (a token for the service is not one
    /// for its feedback), and a jti not seen before. The jti is recorded only for a token that passes everything else.
    /// </summary>
    private static async Task CheckCdsHooksRules(TokenValidatedContext context, CdsHooksOptions options, TokenReplayCache replays, TimeProvider time)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail(new CdsTokenRejectedException("the token is not a signed JWT"));
            return;
        }

        var now = time.GetUtcNow();
        var expires = NumericClaim(token, JwtRegisteredClaimNames.Exp);
        var issued = NumericClaim(token, JwtRegisteredClaimNames.Iat);
        var endpoint = context.HttpContext.Request.Path.StartsWithSegments(CdsHooksApi.FeedbackPath, StringComparison.OrdinalIgnoreCase)
            ? CdsHooksApi.FeedbackPath
            : CdsHooksApi.ServicePath;
        var failure = (expires, issued) switch
        {
            _ when token.TryGetHeaderValue<object>("crit", out _) => "the token names critical header extensions (crit) this service does not support",
            ({ IsNumber: false }, _) => "exp must be a number of seconds since the epoch",
            (_, { IsPresent: true, IsNumber: false }) => "iat must be a number of seconds since the epoch",
            (_, { IsPresent: true } iat) when iat.Time > now + ClockSkew => "iat is in the future",
            var (exp, iat) when exp.Time - (iat.IsPresent ? iat.Time : now) > MaxLifetime + ClockSkew => $"the token lives longer than {MaxLifetime.TotalMinutes:0} minutes",
            _ when !token.Audiences.Contains(options.ServiceUrl(endpoint), StringComparer.Ordinal) => "aud is not the URL of the endpoint called",
            _ when string.IsNullOrEmpty(token.Id) => "the token has no jti",
            _ => null,
        };

        // The jti is recorded last, for a token that passes everything else.
        if (failure is null && !await replays.TryRecordAsync(token.Issuer, token.Id, token.ValidTo, context.HttpContext.RequestAborted))
        {
            failure = "the token's jti was already used (a replay)";
        }

        if (failure is not null)
        {
            context.Fail(new CdsTokenRejectedException(failure));
        }
    }

    private readonly record struct NumericDate(bool IsPresent, bool IsNumber, DateTimeOffset Time);

    /// <summary>A NumericDate claim as sent: present or not, a JSON number or not (a string "1700000000" is not).</summary>
    private static NumericDate NumericClaim(JsonWebToken token, string name)
    {
        using var payload = System.Text.Json.JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        if (!payload.RootElement.TryGetProperty(name, out var value))
        {
            return new NumericDate(false, false, default);
        }

        return value.ValueKind == System.Text.Json.JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds is >= 0 and < 253402300800
            ? new NumericDate(true, true, DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)))
            : new NumericDate(true, false, default);
    }

    /// <summary>401 as problem+json, saying which check failed, in the service's own words: nothing of the token is repeated.</summary>
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
                Detail = $"The CDS Hooks token was refused: {FailedCheck(context)}. Send a JWT signed by a trusted CDS client (asymmetric algorithm; aud the URL of the endpoint called; exp at most 5 minutes ahead; a fresh jti) as a Bearer token.",
            },
        });
    }

    /// <summary>The check that failed, as a class of failure (the library's messages can quote the token, so they are not used).</summary>
    private static string FailedCheck(JwtBearerChallengeContext context) => context.AuthenticateFailure switch
    {
        null when !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => "no Bearer token was sent",
        null => "the token could not be read",
        CdsTokenRejectedException rejected => rejected.Reason,
        SecurityTokenInvalidIssuerException => "the issuer is not a trusted CDS client",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the signature does not verify with the issuer's key",
        SecurityTokenInvalidAlgorithmException => "the signing algorithm is not an accepted asymmetric one",
        SecurityTokenInvalidAudienceException => "aud is not the URL of the endpoint called",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no exp",
        SecurityTokenMalformedException or ArgumentException => "the token is not a well-formed JWT",
        _ => "the token did not validate",
    };
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

/// <summary>A token refused by one of the CDS Hooks rules this service checks itself; the reason is the service's own text.</summary>
public sealed class CdsTokenRejectedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
