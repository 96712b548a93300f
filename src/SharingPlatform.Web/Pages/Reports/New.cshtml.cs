namespace SharingPlatform.Web.Pages.Reports;

/// <summary>
/// Report something one can see (<c>?subjectType=&amp;subjectId=</c>): a reason and details. Sign-in required; filing is
/// rate-limited per person as in the API.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimiting.Reports)]
public sealed class NewModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(("Reason", "Reason"), ("Details", "Details"));

    [BindProperty(SupportsGet = true)]
    public ReportSubjectType SubjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SubjectId { get; set; }

    [BindProperty]
    public ReportReason? Reason { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [TempData]
    public string? Done { get; set; }

    public ReportSubjectView Subject { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        ModelState.Clear();
        return await this.SendAsync(
            sender,
            new FileReport(SubjectType, SubjectId, Reason ?? (ReportReason)(-1), Details),
            localizer,
            _ =>
            {
                Done = "ReportFiled";
                return RedirectToPage(new { subjectType = SubjectType, subjectId = SubjectId });
            },
            () => Task.FromResult<IActionResult>(Page()),
            Inputs,
            cancellationToken);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(SubjectType) || SubjectId == Guid.Empty)
            return false;
        try
        {
            Subject = await sender.Send(new GetReportSubject(SubjectType, SubjectId), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
