using Microsoft.AspNetCore.Authentication.Cookies;
using SharingPlatform.Infrastructure.Data;

namespace SharingPlatform.Web.Hosting;

public static class IdentitySetup
{
    /// <summary>Pages authenticate with Identity's cookie, <c>/api</c> with Identity's bearer tokens; never the other way round.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddSharingPlatformIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        var secureCookies = !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, null, o => o.ForwardDefaultSelector = context =>
                ApiPaths.IsApi(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "sp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // Identity checks the stamp and renews the principal once its interval has passed, but makes its sign-in
            // manager for every request to find that out. In between, SecurityStampCheck ends sessions at once.
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => StampCheckDue(context) ? validate(context) : Task.CompletedTask;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sp.af";
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No account lockout (anyone could lock anyone out): PasswordSignIn throttles per (email, address) instead.
                o.Lockout.AllowedForNewUsers = false;
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddSignInManager<SuspensionAwareSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();

        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SessionCheckCache>();
        services.AddSingleton<ISessionChanges>(sp => sp.GetRequiredService<SessionCheckCache>());
        services.AddHostedService(sp => sp.GetRequiredService<SessionCheckCache>());
        // The cookie's periodic stamp check builds a new principal: it stays the same session.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(SessionClaims.SessionId) is { } session
                && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                && !identity.HasClaim(c => c.Type == SessionClaims.SessionId))
                identity.AddClaim(new System.Security.Claims.Claim(SessionClaims.SessionId, session.Value));
            return Task.CompletedTask;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Policies.Administrator));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HideForbiddenAdminPages>();
        return services;
    }

    /// <summary>The same test as Identity's <see cref="SecurityStampValidator"/>: a cookie issued longer ago than the interval.</summary>
    private static bool StampCheckDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
    }
}
