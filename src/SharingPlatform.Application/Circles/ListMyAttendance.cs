using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>The caller's attendance history: past meetings they were going to, latest first, and whether a host recorded them as attended.</summary>
public sealed record ListMyAttendance(int Page = 1, int PageSize = 20) : IQuery<PagedList<AttendanceEntry>>;

/// <summary><see cref="Attended"/> is none until a host records attendance.</summary>
public sealed record AttendanceEntry(Guid MeetingId, Guid CircleId, string CircleTitle, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool? Attended);

public sealed class ListMyAttendanceValidator : AbstractValidator<ListMyAttendance>
{
    public ListMyAttendanceValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListMyAttendanceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyAttendance, PagedList<AttendanceEntry>>
{
    public async ValueTask<PagedList<AttendanceEntry>> Handle(ListMyAttendance query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        return await db.Rsvps.AsNoTracking()
            .Where(r => r.UserId == userId && r.Status == RsvpStatus.Going)
            .Join(db.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.EndsAt <= now), r => r.MeetingId, m => m.Id, (r, m) => new { r.Attended, Meeting = m })
            .OrderByDescending(x => x.Meeting.StartsAt).ThenBy(x => x.Meeting.Id)
            .Select(x => new AttendanceEntry(x.Meeting.Id, x.Meeting.CircleId, db.Circles.Where(c => c.Id == x.Meeting.CircleId).Select(c => c.Title).Single(),
                x.Meeting.Title, x.Meeting.StartsAt, x.Meeting.EndsAt, x.Attended))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
