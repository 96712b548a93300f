using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SharingPlatform.Application;
using SharingPlatform.Infrastructure;
using SharingPlatform.Infrastructure.Data;
using SharingPlatform.Infrastructure.Jobs;
using SharingPlatform.Infrastructure.Seeding;
using SharingPlatform.Web;
using SharingPlatform.Web.Api;

var builder = WebApplication.CreateBuilder(args);
ProductionChecks.Require(builder.Configuration, builder.Environment);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(SharingPlatform.Application.DependencyInjection)];
    options.PipelineBehaviors = [typeof(MeasuringBehaviour<,>), typeof(LoggingBehaviour<,>), typeof(InputRulesBehaviour<,>), typeof(ValidationBehaviour<,>)];
});

builder.Services.AddSharingPlatformIdentity(builder.Environment);
builder.Services.AddSharingPlatformLocalization();
builder.Services.AddSharingPlatformProblemDetails();
builder.Services.AddSharingPlatformRateLimiting();
builder.Services.AddSharingPlatformBodyLimits();
builder.Services.AddSharingPlatformCompression();
builder.Services.AddSharingPlatformPageCache();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.ConfigureFilter(new InputChecks.PageFilter());
    options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
    options.Conventions.AuthorizePage("/Account/Manage");
}).AddViewLocalization().AddDataAnnotationsLocalization(o =>
    o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SiteText)));
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    InputChecks.Configure(o.SerializerOptions);
});
// A body or parameter that cannot be read throws, so the one exception mapper answers it (400, with the field named).
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddSharingPlatformOpenApi();
// Razor writes Korean as text: the default encoder allows Basic Latin only and turns every other letter into an entity.
// Markup characters (< > & ' ") are escaped whatever the ranges.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddSharingPlatformProxy(builder.Configuration);
builder.Services.AddSharingPlatformMetrics(builder.Configuration);
builder.Services.AddHostedService<MemoryRelease>();
if (builder.Environment.IsProduction())
    builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services);
if (Array.IndexOf(args, AdministratorCommand.Name) is >= 0 and var command)
{
    Environment.ExitCode = command + 1 < args.Length
        ? await AdministratorCommand.RunAsync(app.Services, args[command + 1], Console.In, Console.Out)
        : AdministratorCommand.Usage(Console.Out);
    return;
}

RecurringJobs.Register(app.Services);

app.UseForwardedHeaders();
app.MapSharingPlatformMetrics();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseRequestLocalization();
app.UseSharingPlatformExceptionHandler();
app.UseApiStatusCodeProblems();
app.UseWhen(context => !ApiPaths.IsApi(context.Request), site => site.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
app.UseBodyLimits();
app.UseIdempotencyKeys();
app.UseSharingPlatformCompression();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseSecurityStampCheck();
// After authentication and the stamp check: the reports policy partitions by the signed-in person.
app.UseRateLimiter();
app.UseAuthorization();
app.UseSharingPlatformPageCache();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapOpenApi("/openapi/{documentName}.json");
app.MapApiDocs();
app.MapMedia();
app.MapCalendarFeed();
app.MapDiscovery();
app.MapStoriesFeed();
app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
{
    Authorization = [new AdministratorsOnlyDashboardFilter()],
    DashboardTitle = "SharingPlatform jobs",
    AppPath = "/",
}).RequireAuthorization(Policies.Administrator);

var api = app.MapGroup("/api/v1");
api.CheckInput();
api.MapAuthEndpoints();
api.MapMeEndpoints();
api.MapFavouritesEndpoints();
api.MapProposalsEndpoints();
api.MapStoriesEndpoints();
api.MapReviewsEndpoints();
api.MapOrganizationsEndpoints();
api.MapResourcesEndpoints();
api.MapResourcePhotosEndpoints();
api.MapBookingsEndpoints();
api.MapLoansEndpoints();
api.MapNotificationsEndpoints();
api.MapAdminEndpoints();
api.MapLabsEndpoints();
api.MapCirclesEndpoints();
api.MapOpenDataEndpoints();
api.MapReportsEndpoints();
api.MapStatisticsEndpoints();

app.MapRazorPages();

await app.RunAsync();
