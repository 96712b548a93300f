using SharingPlatform.Domain.Circles;
using SharingPlatform.Web.Pages.Circles;

namespace SharingPlatform.Web.Pages.Meetings;

/// <summary>
/// One meeting of a circle: when and where, places taken, who is going (to members), and the person's answer with their
/// place on the waitlist; members answer going or cancel until it starts.
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MeetingView Meeting { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public bool Open => Meeting.Status == MeetingStatus.Scheduled && Now < Meeting.StartsAt;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostRsvpAsync(CancellationToken cancellationToken) =>
        this.SendAsync(sender, new AnswerMeeting(Id), localizer, answer =>
        {
            Done = answer.Status == RsvpStatus.Going ? "RsvpGoingMessage" : "RsvpWaitlistedMessage";
            return RedirectToPage(new { id = Id });
        }, () => ReloadAsync(cancellationToken), ValidationErrors.Inputs(), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        this.SendAsync(sender, new CancelRsvp(Id), localizer, _ =>
        {
            Done = "RsvpCancelledMessage";
            return RedirectToPage(new { id = Id });
        }, () => ReloadAsync(cancellationToken), ValidationErrors.Inputs(), cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        try
        {
            Meeting = await sender.Send(new GetMeeting(Id), cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
