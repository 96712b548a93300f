using SharingPlatform.Application.Home;

namespace SharingPlatform.Web.Pages;

/// <summary>The front door: a search, quick filters, what is free in the coming hour today, upcoming meetings and labs, the figures, and one's own next things.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(ISender sender, PublicAnswers answers, TimeProvider clock) : PageModel
{
    private const int Shown = 4;

    public FrontDoor Door { get; private set; } = null!;

    /// <summary>The Seoul hour today for which <see cref="FreeToday"/> is free, or null after the last hour of the day.</summary>
    public DateTimeOffset? FreeFrom { get; private set; }

    public IReadOnlyList<ResourceSummary> FreeToday { get; private set; } = [];

    public IReadOnlyList<LabSummary> Labs { get; private set; } = [];

    public IReadOnlyList<Application.Stories.StoryCard> Stories { get; private set; } = [];

    public BookingView? NextBooking { get; private set; }

    public LabBookingView? NextLabSession { get; private set; }

    public MeetingSummary? NextMeeting { get; private set; }

    /// <summary>Booking requests waiting for the person's organizations; null for someone who belongs to none.</summary>
    public int? WaitingRequests { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Door = await answers.GetAsync(new GetFrontDoor(), cancellationToken);
        var now = SeoulTime.ToSeoul(clock.GetUtcNow());
        var nextHour = new DateTimeOffset(now.Date.AddHours(now.Hour + 1), Resources.CatalogText.SeoulOffset);
        if (nextHour.Day == now.Day)
        {
            FreeFrom = nextHour;
            try
            {
                FreeToday = (await answers.GetAsync(new SearchResources(AvailableFrom: nextHour, AvailableTo: nextHour.AddHours(1), PageSize: Shown), cancellationToken)).Items;
            }
            catch (ValidationException)
            {
                FreeToday = [];
            }
        }

        Labs = (await answers.GetAsync(new SearchLabs(PageSize: Shown), cancellationToken)).Items;
        Stories = (await answers.GetAsync(new Application.Stories.ListStories(PageSize: 3), cancellationToken)).Items;
        if (User.Identity?.IsAuthenticated != true)
            return;

        var next = await sender.Send(new GetMyNextThings(), cancellationToken);
        NextBooking = next.Booking;
        NextLabSession = next.LabSession;
        NextMeeting = next.Meeting;
        WaitingRequests = next.WaitingRequests;
    }
}
