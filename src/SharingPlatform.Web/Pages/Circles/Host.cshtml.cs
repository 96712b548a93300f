using Microsoft.AspNetCore.Mvc.ModelBinding;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Web.Pages.Circles;

/// <summary>
/// The host console of a circle, for its host and co-hosts (403 to members, 404 to everyone else): join requests,
/// members (remove with a reason, co-hosts, allow a removed member back), meetings (schedule in a place or one of the
/// host's own bookings; move, change capacity, cancel) and attendance once a meeting has ended.
/// </summary>
[Authorize]
public sealed class HostModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The meeting being managed (moved, resized, cancelled, or its attendance recorded).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

    [BindProperty]
    public string? RemoveReason { get; set; }

    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    [BindProperty]
    public TimeInput Move { get; set; } = new();

    [BindProperty]
    public int? NewCapacity { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    [BindProperty]
    public List<Guid> Attended { get; set; } = [];

    public CircleDetailsView Circle { get; private set; } = null!;

    public PagedList<CircleMemberView> Requests { get; private set; } = null!;

    public PagedList<CircleMemberView> Members { get; private set; } = null!;

    public PagedList<CircleMemberView> Removed { get; private set; } = null!;

    public PagedList<MeetingSummary> Upcoming { get; private set; } = null!;

    public PagedList<MeetingSummary> Past { get; private set; } = null!;

    /// <summary>The host's own pending or confirmed bookings still to come, offered as a meeting's place.</summary>
    public IReadOnlyList<BookingView> Bookings { get; private set; } = [];

    public MeetingView? Selected { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>A member who is not a host: the page says so, with 403.</summary>
    public bool Forbidden { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new ApproveJoinRequest(Id, userId), "JoinRequestApprovedMessage", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new DeclineJoinRequest(Id, userId), "JoinRequestDeclinedMessage", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new RemoveCircleMember(Id, userId, Blank(RemoveReason)), "MemberRemovedMessage", cancellationToken);

    public Task<IActionResult> OnPostAllowBackAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new AllowMemberBack(Id, userId), "MemberAllowedBackMessage", cancellationToken);

    public Task<IActionResult> OnPostCoHostAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new NameCoHost(Id, userId), "CoHostNamedMessage", cancellationToken);

    public Task<IActionResult> OnPostUnCoHostAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new UnnameCoHost(Id, userId), "CoHostUnnamedMessage", cancellationToken);

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken)
    {
        Meeting = null;
        if (string.IsNullOrWhiteSpace(Schedule.Title))
            ModelState.AddModelError("Schedule.Title", localizer["Error_MeetingTitle_NotEmpty"]);
        var period = Period(Schedule, "Schedule");
        if (ModelState.GetValidationState("Schedule.Capacity") != ModelValidationState.Invalid && Schedule.Capacity is not (>= 1 and <= Domain.Circles.Meeting.MaxCapacity))
            ModelState.AddModelError("Schedule.Capacity", localizer["Error_MeetingCapacity_Range", Domain.Circles.Meeting.MaxCapacity]);
        if (Schedule.BookingId is null && string.IsNullOrWhiteSpace(Schedule.Place))
            ModelState.AddModelError("Schedule.Place", localizer["Error_MeetingPlace_NotEmpty"]);
        if (!ModelState.IsValid || period is not { } p)
            return await ReloadAsync(cancellationToken);
        return await SendAsync(
            new ScheduleMeeting(Id, Schedule.Title!.Trim(), Blank(Schedule.Agenda), p.Start, p.End, Schedule.Capacity!.Value, Blank(Schedule.Place), Schedule.BookingId),
            "MeetingScheduledMessage", cancellationToken,
            ("Title", "Schedule.Title"), ("Agenda", "Schedule.Agenda"), ("StartsAt", "Schedule.From"), ("EndsAt", "Schedule.To"),
            ("Capacity", "Schedule.Capacity"), ("Place", "Schedule.Place"), ("BookingId", "Schedule.BookingId"));
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        if (Period(Move, "Move") is not { } p)
            return await ReloadAsync(cancellationToken);
        return await SendAsync(new MoveMeeting(Meeting ?? Guid.Empty, p.Start, p.End, null, null), "MeetingMovedMessage", cancellationToken,
            ("StartsAt", "Move.From"), ("EndsAt", "Move.To"));
    }

    public async Task<IActionResult> OnPostCapacityAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && NewCapacity is not (>= 1 and <= Domain.Circles.Meeting.MaxCapacity))
            ModelState.AddModelError("NewCapacity", localizer["Error_MeetingCapacity_Range", Domain.Circles.Meeting.MaxCapacity]);
        if (!ModelState.IsValid || NewCapacity is null)
            return await ReloadAsync(cancellationToken);

        return await SendAsync(new ChangeMeetingCapacity(Meeting ?? Guid.Empty, NewCapacity.Value), "MeetingCapacityChangedMessage", cancellationToken,
            ("Capacity", "NewCapacity"));
    }

    public Task<IActionResult> OnPostCancelMeetingAsync(CancellationToken cancellationToken) =>
        SendAsync(new CancelMeeting(Meeting ?? Guid.Empty, Blank(CancelReason)), "MeetingCancelledMessage", cancellationToken, ("Reason", "CancelReason"));

    public Task<IActionResult> OnPostAttendanceAsync(CancellationToken cancellationToken) =>
        SendAsync(new RecordAttendance(Meeting ?? Guid.Empty, Attended), "AttendanceRecordedMessage", cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A Seoul date and times as a period; 00:00 as the end is the midnight that ends the day. Null (with the errors) when incomplete.</summary>
    private Period? Period(TimeInput input, string prefix)
    {
        if (input.Date is not { } date)
        {
            ModelState.AddModelError($"{prefix}.Date", localizer["Error_Search_Date_Missing"]);
            return null;
        }

        if (input.From is not { } from || input.To is not { } to)
        {
            ModelState.AddModelError(input.From is null ? $"{prefix}.From" : $"{prefix}.To", localizer["Error_Search_Time_Missing"]);
            return null;
        }

        var start = SeoulTime.At(date, from);
        var end = SeoulTime.At(to == TimeOnly.MinValue ? date.AddDays(1) : date, to);
        if (end <= start)
        {
            ModelState.AddModelError($"{prefix}.To", localizer["Error_Search_To_BeforeFrom"]);
            return null;
        }

        return new Period(start, end);
    }

    private Task<IActionResult> SendAsync<TResponse>(
        ICommand<TResponse> command, string done, CancellationToken cancellationToken, params (string Property, string Input)[] inputs) =>
        this.SendAsync(sender, command, localizer, _ =>
        {
            Done = done;
            return RedirectToPage(new { id = Id, meeting = Meeting });
        }, () => ReloadAsync(cancellationToken), ValidationErrors.Inputs(inputs), cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        try
        {
            Circle = await sender.Send(new GetCircle(Id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (!Circle.IsHost)
        {
            if (Circle.MyMembership?.Status != MemberStatus.Active)
                return NotFound();
            Forbidden = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Requests = await sender.Send(new ListCircleMembers(Id, MemberStatus.Pending, 1, 100), cancellationToken);
        Members = await sender.Send(new ListCircleMembers(Id, MemberStatus.Active, 1, 100), cancellationToken);
        Removed = await sender.Send(new ListCircleMembers(Id, MemberStatus.Removed, 1, 100), cancellationToken);
        Upcoming = await sender.Send(new ListCircleMeetings(Id, MeetingTimeframe.Upcoming, 1, 50), cancellationToken);
        Past = await sender.Send(new ListCircleMeetings(Id, MeetingTimeframe.Past, 1, 20), cancellationToken);
        Bookings = (await sender.Send(new ListMyBookings(BookingTimeframe.Upcoming, 1, 100), cancellationToken)).Items
            .Where(b => BookingText.IsHolding(b.Status) && b.StartsAt > Now).ToList();
        if (Meeting is { } meetingId)
        {
            try
            {
                Selected = await sender.Send(new GetMeeting(meetingId), cancellationToken);
            }
            catch (NotFoundException)
            {
                Selected = null;
            }

            if (Selected is not null && Selected.CircleId != Id)
                Selected = null;
            if (Selected is not null && Move.Date is null && Move.From is null && Move.To is null)
            {
                Move = new TimeInput
                {
                    Date = SeoulTime.DateOf(Selected.StartsAt),
                    From = TimeOnly.FromDateTime(SeoulTime.ToSeoul(Selected.StartsAt)),
                    To = TimeOnly.FromDateTime(SeoulTime.ToSeoul(Selected.EndsAt)),
                };
                NewCapacity ??= Selected.Capacity;
            }
        }

        return Page();
    }

    public class TimeInput
    {
        public DateOnly? Date { get; set; }

        public TimeOnly? From { get; set; }

        public TimeOnly? To { get; set; }
    }

    public sealed class ScheduleInput : TimeInput
    {
        public string? Title { get; set; }

        public string? Agenda { get; set; }

        public int? Capacity { get; set; } = 10;

        public string? Place { get; set; }

        public Guid? BookingId { get; set; }
    }
}
