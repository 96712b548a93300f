using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Loans;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Calendar;

/// <summary>
/// What a person's secret calendar link (<c>/calendar/{token}.ics</c>) lists: their confirmed bookings (also once
/// checked in or completed), lab sessions, the circle meetings they are going to, and the pick-up and return days of
/// their loans (whole-day events), from 90 days back. A wrong or replaced token is 404.
/// </summary>
public sealed record GetCalendarFeed(string Token) : IQuery<CalendarFeed>;

public sealed record CalendarFeed(string OwnerName, IReadOnlyList<CalendarEntry> Entries);

/// <summary>
/// One event; <see cref="Uid"/> stays the same across fetches so calendar programs update it in place. A whole-day event
/// (<see cref="AllDay"/>) runs over the Seoul days from <see cref="StartsAt"/> to <see cref="EndsAt"/>.
/// </summary>
public sealed record CalendarEntry(
    string Uid, string Title, string Location, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Link, bool AllDay = false)
{
    /// <summary>A booking of a resource, the same event in the feed and in its own file.</summary>
    public static CalendarEntry Booking(IAppLinks links, Guid id, string title, string address, string purpose, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        new($"booking-{id}@sharingplatform", title, address, purpose, startsAt, endsAt, links.To($"/Bookings/Details/{id}").ToString());
}

public sealed class GetCalendarFeedHandler(IApplicationDbContext db, IAppLinks links, TimeProvider clock) : IQueryHandler<GetCalendarFeed, CalendarFeed>
{
    public async ValueTask<CalendarFeed> Handle(GetCalendarFeed query, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking()
            .Where(u => u.CalendarToken == query.Token && u.SuspendedAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.PreferredLanguage })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Texts.Get("NoSuchCalendarLink"));
        var since = clock.GetUtcNow().AddDays(-90);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.BookerId == owner.Id && b.EndsAt > since
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Completed))
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { b.Id, r.Title, r.Address, b.Purpose, b.StartsAt, b.EndsAt })
            .OrderBy(b => b.StartsAt)
            .Take(1000)
            .ToListAsync(cancellationToken);
        var entries = bookings
            .Select(b => CalendarEntry.Booking(links, b.Id, b.Title, b.Address, b.Purpose, b.StartsAt, b.EndsAt))
            .ToList();

        // Lab sessions that hold their seat (booked, checked in, completed).
        var labSessions = await db.LabBookings.AsNoTracking()
            .Where(b => b.BookerId == owner.Id && b.SlotEndsAt > since && LabBooking.Holding.Contains(b.Status))
            .Join(db.Labs, b => b.LabId, l => l.Id, (b, l) => new { b.Id, l.Name, l.Address, l.SafetyRules, b.SlotStartsAt, b.SlotEndsAt })
            .OrderBy(b => b.SlotStartsAt)
            .Take(1000)
            .ToListAsync(cancellationToken);
        entries.AddRange(labSessions.Select(b => new CalendarEntry(
            $"lab-booking-{b.Id}@sharingplatform", b.Name, b.Address, b.SafetyRules, b.SlotStartsAt, b.SlotEndsAt, links.To(LabNotices.SessionsLink).ToString())));

        var meetings = await db.Rsvps.AsNoTracking()
            .Where(r => r.UserId == owner.Id && r.Status == RsvpStatus.Going)
            .Join(db.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.EndsAt > since), r => r.MeetingId, m => m.Id, (r, m) => m)
            .Join(db.Circles.Where(c => c.Status == CircleStatus.Active), m => m.CircleId, c => c.Id, (m, c) => new
            {
                m.Id, m.Title, Circle = c.Title, m.Place, m.Agenda, m.StartsAt, m.EndsAt,
                Room = db.Bookings.Where(b => b.Id == m.BookingId).Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => r.Title + " " + r.Address).FirstOrDefault(),
            })
            .OrderBy(m => m.StartsAt)
            .Take(1000)
            .ToListAsync(cancellationToken);
        entries.AddRange(meetings.Select(m => new CalendarEntry(
            $"meeting-{m.Id}@sharingplatform", $"{m.Circle}: {m.Title}", string.Join(" ", new[] { m.Room, m.Place }.Where(p => !string.IsNullOrWhiteSpace(p))),
            m.Agenda, m.StartsAt, m.EndsAt, links.To($"/Meetings/Details/{m.Id}").ToString())));
        var sinceDay = SeoulTime.DateOf(since);
        var loans = await db.Loans.AsNoTracking()
            .Where(l => l.BorrowerId == owner.Id && l.ReturnOn >= sinceDay
                && (l.Status == LoanStatus.Confirmed || l.Status == LoanStatus.Out || l.Status == LoanStatus.Overdue || l.Status == LoanStatus.Returned))
            .Join(db.Resources, l => l.ResourceId, r => r.Id, (l, r) => new { l.Id, r.Title, r.Address, l.Units, l.PickupOn, l.ReturnOn })
            .OrderBy(l => l.PickupOn)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var loan in loans)
        {
            var link = links.To(LoanNotices.Link(loan.Id)).ToString();
            CalendarEntry Day(string what, DateOnly day) => new(
                $"loan-{what}-{loan.Id}@sharingplatform", Texts.Get(owner.PreferredLanguage, $"Calendar_Loan{what}", loan.Title, loan.Units), loan.Address, "",
                SeoulTime.StartOf(day), SeoulTime.StartOf(day.AddDays(1)), link, AllDay: true);
            entries.Add(Day("Pickup", loan.PickupOn));
            entries.Add(Day("Return", loan.ReturnOn));
        }

        return new CalendarFeed(owner.DisplayName, entries.OrderBy(e => e.StartsAt).ToList());
    }
}
