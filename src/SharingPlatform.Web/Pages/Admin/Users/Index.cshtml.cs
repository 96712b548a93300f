namespace SharingPlatform.Web.Pages.Admin.Users;

/// <summary>People with an account, found by email or name and filtered by standing. Administrators only (the /Admin folder convention).</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public UserStatusFilter Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<UserSummary> Users { get; private set; } = null!;

    public int PageCount => (Users.TotalCount + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Q?.Trim();
        Users = await sender.Send(
            new ListUsers(string.IsNullOrEmpty(q) ? null : q[..Math.Min(q.Length, 200)], Enum.IsDefined(Status) ? Status : UserStatusFilter.All, Math.Max(1, PageNumber), PageSize),
            cancellationToken);
    }
}
