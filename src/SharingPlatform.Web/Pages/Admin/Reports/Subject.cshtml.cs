namespace SharingPlatform.Web.Pages.Admin.Reports;

/// <summary>
/// One reported subject for administrators: every report of it, a resolve or dismiss form with a note per open report,
/// and for a resource, lab or circle the suspend form. Administrators only, by the /Admin folder convention.
/// </summary>
public sealed class SubjectModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportSubjectType SubjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SubjectId { get; set; }

    public ReportedSubjectDetails Details { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public bool CanSuspend => SubjectType is ReportSubjectType.Resource or ReportSubjectType.Lab or ReportSubjectType.Circle or ReportSubjectType.User
        or ReportSubjectType.Proposal or ReportSubjectType.Review or ReportSubjectType.Story;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostResolveAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        DecideAsync(new ResolveReport(id, note), ("Note", $"note-{id}"), "ReportResolved", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        DecideAsync(new DismissReport(id, note), ("Note", $"note-{id}"), "ReportDismissed", cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(string? reason, CancellationToken cancellationToken) =>
        SubjectType switch
        {
            ReportSubjectType.Resource => DecideAsync(new SuspendResource(SubjectId, reason), ("Reason", "suspend-reason"), "ResourceSuspended", cancellationToken),
            ReportSubjectType.Lab => DecideAsync(new SuspendLab(SubjectId, reason), ("Reason", "suspend-reason"), "LabSuspended", cancellationToken),
            ReportSubjectType.Circle => DecideAsync(new SuspendCircle(SubjectId, reason), ("Reason", "suspend-reason"), "CircleSuspendedMessage", cancellationToken),
            ReportSubjectType.User => DecideAsync(new SuspendUser(SubjectId, reason), ("Reason", "suspend-reason"), "UserSuspendedDone", cancellationToken),
            ReportSubjectType.Proposal => DecideAsync(new SuspendProposal(SubjectId, reason), ("Reason", "suspend-reason"), "ProposalSuspended", cancellationToken),
            ReportSubjectType.Review => DecideAsync(new SuspendReview(SubjectId, reason), ("Reason", "suspend-reason"), "ReviewSuspendedDone", cancellationToken),
            ReportSubjectType.Story => DecideAsync(new SuspendStory(SubjectId, reason), ("Reason", "suspend-reason"), "StorySuspendedDone", cancellationToken),
            _ => Task.FromResult<IActionResult>(NotFound()),
        };

    private Task<IActionResult> DecideAsync(ICommand command, (string Property, string Input) input, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ =>
        {
            Done = done;
            return RedirectToPage(new { subjectType = SubjectType, subjectId = SubjectId });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), ValidationErrors.Inputs(input), cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(SubjectType) || SubjectId == Guid.Empty)
            return false;
        try
        {
            Details = await sender.Send(new GetReportedSubject(SubjectType, SubjectId), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
