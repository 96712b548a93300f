namespace SharingPlatform.Web.Pages.Circles;

/// <summary>"My circles": those I host or belong to and my requests still waiting, my circles' next meetings, and my attendance history.</summary>
[Authorize]
public sealed class MineModel(ISender sender) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<MyCircle> Circles { get; private set; } = null!;

    public PagedList<MeetingSummary> Meetings { get; private set; } = null!;

    public PagedList<AttendanceEntry> Attendance { get; private set; } = null!;

    public int PageCount => (Attendance.TotalCount + Attendance.PageSize - 1) / Attendance.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Circles = await sender.Send(new ListMyCircles(1, 100), cancellationToken);
        Meetings = await sender.Send(new ListMeetings(Mine: true, Page: 1, PageSize: 10), cancellationToken);
        Attendance = await sender.Send(new ListMyAttendance(Math.Max(1, PageNumber), PageSize), cancellationToken);
    }
}
