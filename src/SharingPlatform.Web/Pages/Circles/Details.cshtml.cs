using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Favourites;
using SharingPlatform.Web.Pages.Favourites;

namespace SharingPlatform.Web.Pages.Circles;

/// <summary>
/// One study circle: what it is, its hosts and members, its upcoming and past meetings, and what the person may do now
/// (join, ask to join, withdraw, leave; hosts go to their console; administrators suspend or restore it with a reason).
/// </summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Why an administrator suspends or restores the circle.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public CircleDetailsView Circle { get; private set; } = null!;

    /// <summary>The save/remove form for a signed-in person; null when there is none to show.</summary>
    public FavouriteButton? Favourite { get; private set; }

    public PagedList<MeetingSummary> Upcoming { get; private set; } = null!;

    public PagedList<MeetingSummary> Past { get; private set; } = null!;

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>The person may ask to join: no membership now, or one that ended (left, declined, or removed and allowed back).</summary>
    public bool CanJoin => SignedIn && Circle.Status == CircleStatus.Active && Circle.MyMembership is not { Status: MemberStatus.Active or MemberStatus.Pending }
        && !(Circle.MyMembership is { Status: MemberStatus.Removed, RejoinAllowed: false });

    public bool CanLeave => Circle.MyMembership is { Status: MemberStatus.Active or MemberStatus.Pending } m && m.Role != MemberRole.Host;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostJoinAsync(CancellationToken cancellationToken) =>
        SendAsync(new JoinCircle(Id), m => m.Status == MemberStatus.Pending ? "CircleJoinRequestedMessage" : "CircleJoinedMessage", cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(CancellationToken cancellationToken) =>
        SendAsync(new LeaveCircle(Id), _ => "CircleLeftMessage", cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) =>
        SendAsync(new SuspendCircle(Id, Reason), _ => "CircleSuspendedMessage", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        SendAsync(new RestoreCircle(Id, Reason), _ => "CircleRestoredMessage", cancellationToken);

    private Task<IActionResult> SendAsync<TResponse>(ICommand<TResponse> command, Func<TResponse, string> done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, r =>
        {
            Done = done(r);
            return RedirectToPage(new { id = Id });
        }, () => ReloadAsync(cancellationToken), ValidationErrors.Inputs(("Reason", "Reason")), cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Circle = await sender.Send(new GetCircle(Id), cancellationToken);
            Favourite = await FavouriteButton.ForAsync(sender, User, FavouriteSubject.Circle, Id, Circle.Status == CircleStatus.Active, cancellationToken);
            Upcoming = await sender.Send(new ListCircleMeetings(Id, MeetingTimeframe.Upcoming, 1, 20), cancellationToken);
            Past = await sender.Send(new ListCircleMeetings(Id, MeetingTimeframe.Past, 1, 10), cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
