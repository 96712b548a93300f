using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SharingPlatform.Web.Api;

public static class AuthEndpoints
{
    public sealed record RegisterRequest(string Email, string Password, string DisplayName, string? PreferredLanguage);
    public sealed record LoginRequest(string Email, string Password);
    public sealed record RefreshRequest(string RefreshToken);
    public sealed record EmailRequest(string Email);
    public sealed record ConfirmEmailRequest(Guid UserId, string Code);
    public sealed record ResetPasswordRequest(string Email, string Code, string NewPassword);
    public sealed record Accepted(string Message);

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts").AllowAnonymous();

        auth.MapPost("/register", async (RegisterRequest request, ISender sender, CancellationToken ct) =>
        {
            var language = LanguageCodes.FromCultureName(request.PreferredLanguage ?? CultureInfo.CurrentUICulture.Name);
            await sender.Send(new RegisterResident(request.Email, request.Password, request.DisplayName, language), ct);
            return TypedResults.Ok(new Accepted(Texts.Get("SignUpAccepted")));
        }).RequireRateLimiting(RateLimiting.Accounts)
            .Refuses("invalid_display_name");

        auth.MapPost("/login", Login).RequireRateLimiting(RateLimiting.Accounts)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", Refresh).Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapPost("/confirm-email", async (ConfirmEmailRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new ConfirmEmail(request.UserId, request.Code), ct);
            return TypedResults.NoContent();
        });
        auth.MapPost("/resend-confirmation", async (EmailRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new ResendConfirmation(request.Email), ct);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(RateLimiting.Accounts);
        auth.MapPost("/forgot-password", async (EmailRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RequestPasswordReset(request.Email), ct);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(RateLimiting.Accounts);
        auth.MapPost("/reset-password", async (ResetPasswordRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new ResetPassword(request.Email, request.Code, request.NewPassword), ct);
            return TypedResults.NoContent();
        }).RequireRateLimiting(RateLimiting.Accounts);
    }

    /// <summary>
    /// Identity's bearer handler writes <c>{tokenType, accessToken, expiresIn, refreshToken}</c> on sign-in. A failure says
    /// the same for an unknown email and a wrong password; "confirm your email" and "suspended" only with the right one.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, PasswordSignIn signIn, HttpContext context)
    {
        NoStore(context.Response);
        var attempt = await signIn.SignInAsync(request.Email ?? "", request.Password ?? "", persistent: false, IdentityConstants.BearerScheme, context.RequestAborted);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                return TypedResults.Empty;
            case SignInOutcome.Throttled:
                context.Response.Headers.RetryAfter = RetryAfter.Seconds(attempt.RetryAfter);
                return TypedResults.Problem(ThrottledMessage(RetryAfter.Minutes(attempt.RetryAfter)), statusCode: StatusCodes.Status429TooManyRequests);
            case SignInOutcome.Suspended:
                return TypedResults.Problem(SuspendedSignIn.Message, statusCode: StatusCodes.Status401Unauthorized);
            case SignInOutcome.NotConfirmed:
                return TypedResults.Problem(
                    Texts.Get("EmailNotConfirmed"),
                    statusCode: StatusCodes.Status401Unauthorized);
            default:
                return TypedResults.Problem(Texts.Get("SignInFailed"),
                    statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    private static string ThrottledMessage(int minutes) => Texts.Get("SignInThrottled", minutes);

    /// <summary>
    /// A refresh token works once: the session moves to the next generation and the new tokens carry it (rotation). An
    /// older one coming back ends every session of the person (<see cref="RotateRefreshToken"/>).
    /// </summary>
    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        RefreshRequest request, SignInManager<User> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock,
        ISender sender, HttpContext context)
    {
        NoStore(context.Response);
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || clock.GetUtcNow() >= expires
            || SessionClaims.SessionOf(ticket.Principal) is not { } session
            || SessionClaims.GenerationOf(ticket.Principal) is not { } generation
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await sender.Send(new RotateRefreshToken(user.Id, session, generation), context.RequestAborted) is not { } next)
            return TypedResults.Challenge();

        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims(SessionClaims.For(session, next));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>Tokens are never kept by a browser's or a proxy's cache.</summary>
    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
