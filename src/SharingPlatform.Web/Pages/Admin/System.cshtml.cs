namespace SharingPlatform.Web.Pages.Admin;

/// <summary>The state of the platform for administrators: version, migrations, outbox, reminders, failed jobs, disk for uploads.</summary>
public sealed class SystemModel(ISender sender) : PageModel
{
    public SystemStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await sender.Send(new GetSystemStatus(), cancellationToken);
}
