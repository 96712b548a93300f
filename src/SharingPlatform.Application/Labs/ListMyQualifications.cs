namespace SharingPlatform.Application.Labs;

/// <summary>The signed-in person's qualifications, revoked ones included, with their expiry dates: latest expiry first.</summary>
public sealed record ListMyQualifications(int Page = 1, int PageSize = 50) : IQuery<PagedList<QualificationView>>;

public sealed class ListMyQualificationsValidator : AbstractValidator<ListMyQualifications>
{
    public ListMyQualificationsValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListMyQualificationsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyQualifications, PagedList<QualificationView>>
{
    public async ValueTask<PagedList<QualificationView>> Handle(ListMyQualifications query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var mine = db.Qualifications.Where(q => q.UserId == userId).OrderByDescending(q => q.ValidUntil).ThenBy(q => q.Id);
        return await db.QualificationViews(mine, clock.GetUtcNow()).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
