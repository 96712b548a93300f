using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

public enum MeetingTimeframe
{
    Upcoming,
    Past,
}

/// <summary>A circle's meetings: upcoming (not yet ended) soonest first, or past latest first; cancelled ones included with their status.</summary>
public sealed record ListCircleMeetings(Guid CircleId, MeetingTimeframe When = MeetingTimeframe.Upcoming, int Page = 1, int PageSize = 20)
    : IQuery<PagedList<MeetingSummary>>;

public sealed class ListCircleMeetingsValidator : AbstractValidator<ListCircleMeetings>
{
    public ListCircleMeetingsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.When).IsInEnum();
    }
}

public sealed class ListCircleMeetingsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListCircleMeetings, PagedList<MeetingSummary>>
{
    public async ValueTask<PagedList<MeetingSummary>> Handle(ListCircleMeetings query, CancellationToken cancellationToken)
    {
        var caller = await db.CircleCallerAsync(query.CircleId, currentUser, track: false, cancellationToken);
        var now = clock.GetUtcNow();
        var meetings = db.Meetings.AsNoTracking().Where(m => m.CircleId == caller.Circle.Id);
        var ordered = query.When == MeetingTimeframe.Past
            ? meetings.Where(m => m.EndsAt <= now).OrderByDescending(m => m.StartsAt)
            : meetings.Where(m => m.EndsAt > now).OrderBy(m => m.StartsAt);
        var page = await db.MeetingSummaries(ordered.ThenBy(m => m.Id)).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return await db.WithMyRsvpsAsync(page, caller.UserId, cancellationToken);
    }
}
