using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// The host console's members: active ones to members (host first), and to hosts also pending requests (oldest first),
/// removed, left and declined ones, filtered by status.
/// </summary>
public sealed record ListCircleMembers(Guid CircleId, MemberStatus? Status = null, int Page = 1, int PageSize = 50) : IQuery<PagedList<CircleMemberView>>;

public sealed class ListCircleMembersValidator : AbstractValidator<ListCircleMembers>
{
    public ListCircleMembersValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Status).IsInEnum();
    }
}

public sealed class ListCircleMembersHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListCircleMembers, PagedList<CircleMemberView>>
{
    public async ValueTask<PagedList<CircleMemberView>> Handle(ListCircleMembers query, CancellationToken cancellationToken)
    {
        var caller = await db.CircleCallerAsync(query.CircleId, currentUser, track: false, cancellationToken);
        if (query.Status != MemberStatus.Active)
            caller.RequireHost();
        else if (!caller.SeesMembers)
            caller.RequireHost();
        var members = db.CircleMembers.Where(m => m.CircleId == query.CircleId);
        if (query.Status is { } status)
            members = members.Where(m => m.Status == status);
        return await db.MemberViews(members
                .OrderBy(m => m.Status == MemberStatus.Pending ? 0 : m.Status == MemberStatus.Active ? 1 : 2)
                .ThenBy(m => m.Role == MemberRole.Host ? 0 : m.Role == MemberRole.CoHost ? 1 : 2)
                .ThenBy(m => m.RequestedAt).ThenBy(m => m.Id))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
