using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// Upcoming meetings across active circles (not yet ended, soonest first), of the caller's own circles when
/// <see cref="Mine"/>, in a municipality; each with the caller's answer.
/// </summary>
public sealed record ListMeetings(bool Mine = false, string? Municipality = null, int Page = 1, int PageSize = 20) : IQuery<PagedList<MeetingSummary>>;

public sealed class ListMeetingsValidator : AbstractValidator<ListMeetings>
{
    public ListMeetingsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Municipality).Must(m => m is null || Municipality.IsKnown(m))
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
    }
}

public sealed class ListMeetingsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListMeetings, PagedList<MeetingSummary>>
{
    public async ValueTask<PagedList<MeetingSummary>> Handle(ListMeetings query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var circles = db.Circles.Where(c => c.Status == CircleStatus.Active);
        if (query.Municipality is { } municipality)
            circles = circles.Where(c => c.Municipality == municipality);
        if (query.Mine)
        {
            var userId = currentUser.RequireId();
            circles = circles.Where(c => db.CircleMembers.Any(m => m.CircleId == c.Id && m.UserId == userId && m.Status == MemberStatus.Active));
        }

        var page = await db.MeetingSummaries(db.UpcomingMeetings(circles, now))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return await db.WithMyRsvpsAsync(page, currentUser.Id, cancellationToken);
    }
}
