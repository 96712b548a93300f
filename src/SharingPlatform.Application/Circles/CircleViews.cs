using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Circles;

/// <summary>A circle as lists show it: <c>{ id, title, topics, municipality, memberCap, joinPolicy, memberCount, status }</c> and more.</summary>
public sealed record CircleSummary(
    Guid Id, string Title, IReadOnlyList<string> Topics, string Description, string Municipality, int MemberCap, JoinPolicy JoinPolicy,
    int MemberCount, CircleStatus Status, Guid HostId, string HostName, DateTimeOffset? NextMeetingAt, RatingSummary? Rating = null);

/// <summary>The caller's membership of a circle.</summary>
public sealed record MembershipView(Guid CircleId, Guid UserId, MemberRole Role, MemberStatus Status, string? StatusReason, bool RejoinAllowed, DateTimeOffset? JoinedAt);

/// <summary>A member as the circle's pages and host console show them.</summary>
public sealed record CircleMemberView(
    Guid UserId, string DisplayName, MemberRole Role, MemberStatus Status, string? StatusReason, bool RejoinAllowed, DateTimeOffset RequestedAt,
    DateTimeOffset? JoinedAt);

/// <summary>
/// One circle with what its page needs: the caller's membership and whether they host it, the active members (to members,
/// hosts and administrators), the number of pending requests (to hosts) and the next meetings.
/// </summary>
public sealed record CircleDetailsView(
    Guid Id, string Title, IReadOnlyList<string> Topics, string Description, string Municipality, int MemberCap, JoinPolicy JoinPolicy,
    int MemberCount, CircleStatus Status, string? StatusReason, Guid HostId, string HostName, DateTimeOffset CreatedAt,
    MembershipView? MyMembership, bool IsHost, bool IsTheHost, IReadOnlyList<CircleMemberView> Members, int PendingRequests,
    IReadOnlyList<MeetingSummary> UpcomingMeetings, RatingSummary? Rating = null);

/// <summary>The RSVP answer: <c>{ status, position }</c>; <see cref="Position"/> is the place on the waitlist (1 = next), none when going.</summary>
public sealed record RsvpAnswer(RsvpStatus Status, int? Position);

/// <summary>A meeting as lists show it (the caller's own answer filled in when signed in).</summary>
public sealed record MeetingSummary(
    Guid Id, Guid CircleId, string CircleTitle, string Municipality, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity,
    string? Place, Guid? BookingId, MeetingStatus Status, int GoingCount, int WaitlistCount, RsvpAnswer? MyRsvp = null);

/// <summary>Someone going to (or waiting for) a meeting, and whether they came once a host recorded it.</summary>
public sealed record AttendeeView(Guid UserId, string DisplayName, RsvpStatus Status, int? Position, DateTimeOffset AnsweredAt, DateTimeOffset? PromotedAt, bool? Attended);

/// <summary>
/// One meeting: <c>{ id, circleId, title, startsAt, endsAt, capacity, goingCount, waitlistCount, myRsvp }</c> as api.md
/// says, with its place, agenda and status; who is going to members, hosts and administrators; the waitlist to hosts.
/// </summary>
public sealed record MeetingView(
    Guid Id, Guid CircleId, string CircleTitle, string Title, string Agenda, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity,
    string? Place, Guid? BookingId, string? ResourceTitle, string? ResourceAddress, MeetingStatus Status, string? CancelReason,
    int GoingCount, int WaitlistCount, RsvpAnswer? MyRsvp, bool? MyAttendance, bool IsMember, bool IsHost,
    IReadOnlyList<AttendeeView> Going, IReadOnlyList<AttendeeView> Waitlist);

public static class CircleViews
{
    public static IQueryable<CircleSummary> Summaries(this IApplicationDbContext db, IQueryable<Circle> circles, DateTimeOffset now)
    {
        var reviews = db.ShownOf(ReviewedListing.Circle);
        return circles.Select(c => new CircleSummary(
            c.Id, c.Title, c.Topics, c.Description, c.Municipality, c.MemberCap, c.JoinPolicy, c.MemberCount, c.Status, c.HostId,
            db.Users.Where(u => u.Id == c.HostId).Select(u => u.DisplayName).Single(),
            db.Meetings.Where(m => m.CircleId == c.Id && m.Status == MeetingStatus.Scheduled && m.StartsAt > now).Min(m => (DateTimeOffset?)m.StartsAt),
            new RatingSummary(reviews.Where(v => v.ListingId == c.Id).Average(v => (double?)v.Rating), reviews.Count(v => v.ListingId == c.Id))));
    }

    /// <summary>The scheduled meetings of <paramref name="circles"/> that have not ended, soonest first.</summary>
    public static IOrderedQueryable<Meeting> UpcomingMeetings(this IApplicationDbContext db, IQueryable<Circle> circles, DateTimeOffset now) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Scheduled && m.EndsAt > now && circles.Any(c => c.Id == m.CircleId))
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id);

    public static IQueryable<MeetingSummary> MeetingSummaries(this IApplicationDbContext db, IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingSummary(
            m.Id, m.CircleId,
            db.Circles.Where(c => c.Id == m.CircleId).Select(c => c.Title).Single(),
            db.Circles.Where(c => c.Id == m.CircleId).Select(c => c.Municipality).Single(),
            m.Title, m.StartsAt, m.EndsAt, m.Capacity, m.Place, m.BookingId, m.Status,
            db.Rsvps.Count(r => r.MeetingId == m.Id && r.Status == RsvpStatus.Going),
            db.Rsvps.Count(r => r.MeetingId == m.Id && r.Status == RsvpStatus.Waitlisted),
            null));

    /// <summary>Fills in the caller's answer (and waitlist position) on a page of meetings.</summary>
    public static async Task<PagedList<MeetingSummary>> WithMyRsvpsAsync(
        this IApplicationDbContext db, PagedList<MeetingSummary> page, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is null || page.Items.Count == 0)
            return page;
        var ids = page.Items.Select(m => m.Id).ToList();
        var mine = await db.MyAnswers(ids, userId.Value).ToDictionaryAsync(a => a.MeetingId, cancellationToken);
        return page with
        {
            Items = page.Items.Select(m => mine.TryGetValue(m.Id, out var a) ? m with { MyRsvp = new RsvpAnswer(a.Status, a.Position) } : m).ToList(),
        };
    }

    public sealed record MyAnswer(Guid MeetingId, RsvpStatus Status, int? Position, bool? Attended);

    public static IQueryable<MyAnswer> MyAnswers(this IApplicationDbContext db, IReadOnlyCollection<Guid> meetingIds, Guid userId) =>
        db.Rsvps.AsNoTracking()
            .Where(r => meetingIds.Contains(r.MeetingId) && r.UserId == userId && r.Status != RsvpStatus.Cancelled)
            .Select(r => new MyAnswer(r.MeetingId, r.Status,
                r.Status == RsvpStatus.Waitlisted
                    ? db.Rsvps.Count(w => w.MeetingId == r.MeetingId && w.Status == RsvpStatus.Waitlisted && w.Arrival <= r.Arrival)
                    : null,
                r.Attended));

    public static async Task<MeetingView> MeetingViewAsync(
        this IApplicationDbContext db, Meeting meeting, CircleCaller caller, CancellationToken cancellationToken)
    {
        var rsvps = await db.Rsvps.AsNoTracking()
            .Where(r => r.MeetingId == meeting.Id && r.Status != RsvpStatus.Cancelled)
            .OrderBy(r => r.Arrival)
            .Select(r => new
            {
                r.UserId, DisplayName = db.Users.Where(u => u.Id == r.UserId).Select(u => u.DisplayName).Single(), r.Status, r.AnsweredAt, r.PromotedAt, r.Attended,
            })
            .ToListAsync(cancellationToken);
        var going = rsvps.Where(r => r.Status == RsvpStatus.Going)
            .Select(r => new AttendeeView(r.UserId, r.DisplayName, r.Status, null, r.AnsweredAt, r.PromotedAt, r.Attended)).ToList();
        var waitlist = rsvps.Where(r => r.Status == RsvpStatus.Waitlisted)
            .Select((r, i) => new AttendeeView(r.UserId, r.DisplayName, r.Status, i + 1, r.AnsweredAt, r.PromotedAt, r.Attended)).ToList();
        RsvpAnswer? mine = null;
        bool? myAttendance = null;
        if (caller.UserId is { } me)
        {
            if (going.FirstOrDefault(a => a.UserId == me) is { } g)
            {
                mine = new RsvpAnswer(RsvpStatus.Going, null);
                myAttendance = g.Attended;
            }
            else if (waitlist.FirstOrDefault(a => a.UserId == me) is { } w)
            {
                mine = new RsvpAnswer(RsvpStatus.Waitlisted, w.Position);
            }
        }

        var resource = meeting.BookingId is { } bookingId
            ? await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId)
                .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { r.Title, r.Address }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new MeetingView(
            meeting.Id, meeting.CircleId, caller.Circle.Title, meeting.Title, meeting.Agenda, meeting.StartsAt, meeting.EndsAt, meeting.Capacity,
            meeting.Place, meeting.BookingId, resource?.Title, resource?.Address, meeting.Status, meeting.CancelReason,
            going.Count, waitlist.Count, mine, myAttendance, caller.IsMember, caller.IsHost,
            caller.SeesMembers ? going : [],
            caller.IsHost || caller.IsAdministrator ? waitlist : []);
    }

    public static async Task<MeetingView> MeetingViewAsync(this IApplicationDbContext db, Guid meetingId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var (meeting, caller) = await db.MeetingCallerAsync(meetingId, user, track: false, cancellationToken);
        return await db.MeetingViewAsync(meeting, caller, cancellationToken);
    }

    public static async Task<CircleDetailsView> CircleDetailsAsync(this IApplicationDbContext db, Guid circleId, ICurrentUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caller = await db.CircleCallerAsync(circleId, user, track: false, cancellationToken);
        var c = caller.Circle;
        var hostName = await db.Users.Where(u => u.Id == c.HostId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var members = caller.SeesMembers
            ? await db.MemberViews(db.CircleMembers.Where(m => m.CircleId == c.Id && m.Status == MemberStatus.Active)
                    .OrderBy(m => m.Role == MemberRole.Host ? 0 : m.Role == MemberRole.CoHost ? 1 : 2).ThenBy(m => m.JoinedAt).ThenBy(m => m.Id).Take(500))
                .ToListAsync(cancellationToken)
            : [];
        var pending = caller.IsHost
            ? await db.CircleMembers.CountAsync(m => m.CircleId == c.Id && m.Status == MemberStatus.Pending, cancellationToken)
            : 0;
        var upcoming = await db.MeetingSummaries(db.Meetings.AsNoTracking()
                .Where(m => m.CircleId == c.Id && m.Status == MeetingStatus.Scheduled && m.EndsAt > now)
                .OrderBy(m => m.StartsAt).ThenBy(m => m.Id))
            .ToPagedListAsync(1, 5, cancellationToken);
        upcoming = await db.WithMyRsvpsAsync(upcoming, caller.UserId, cancellationToken);
        var my = caller.Membership is { } m
            ? new MembershipView(c.Id, m.UserId, m.Role, m.Status, m.StatusReason, m.RejoinAllowed, m.JoinedAt)
            : null;
        return new CircleDetailsView(
            c.Id, c.Title, c.Topics, c.Description, c.Municipality, c.MemberCap, c.JoinPolicy, c.MemberCount, c.Status,
            caller.IsHost || caller.IsAdministrator ? c.StatusReason : null, c.HostId, hostName, c.CreatedAt,
            my, caller.IsHost, caller.Membership?.Role == MemberRole.Host && caller.IsHost, members, pending, upcoming.Items,
            await db.RatingAsync(ReviewedListing.Circle, c.Id, cancellationToken));
    }

    public static IQueryable<CircleMemberView> MemberViews(this IApplicationDbContext db, IQueryable<CircleMember> members) =>
        members.AsNoTracking().Select(m => new CircleMemberView(
            m.UserId, db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).Single(), m.Role, m.Status, m.StatusReason, m.RejoinAllowed, m.RequestedAt, m.JoinedAt));

    public static MembershipView View(this CircleMember m) => new(m.CircleId, m.UserId, m.Role, m.Status, m.StatusReason, m.RejoinAllowed, m.JoinedAt);
}
