using Hangfire.Dashboard;

namespace SharingPlatform.Web.Hosting;

/// <summary>The Hangfire dashboard's own check, behind the endpoint's Administrator policy.</summary>
internal sealed class AdministratorsOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Policies.Administrator);
}
