using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Web.Pages.Admin;

/// <summary>The audit log of administrator decisions, newest first, paged. Nothing here changes it.</summary>
public sealed class AuditModel(ISender sender) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<AuditEntryView> Entries { get; private set; } = null!;

    public int PageCount => (Entries.TotalCount + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await sender.Send(new ListAuditEntries(Page: Math.Max(1, PageNumber), PageSize: PageSize), cancellationToken);
}
