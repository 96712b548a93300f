namespace SharingPlatform.Application.Labs;

/// <summary>
/// Who holds what in a lab, for its managers: by default the unrevoked qualifications, expiring first; <see cref="ExpiringSoon"/>
/// keeps those valid today that end within <see cref="QualificationListing.ExpiringSoonDays"/> days; filters by equipment.
/// </summary>
public sealed record ListLabQualifications(
    Guid LabId, Guid? EquipmentId = null, bool ExpiringSoon = false, bool IncludeRevoked = false, int Page = 1, int PageSize = 50)
    : IQuery<PagedList<QualificationView>>;

public sealed class ListLabQualificationsValidator : AbstractValidator<ListLabQualifications>
{
    public ListLabQualificationsValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListLabQualificationsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListLabQualifications, PagedList<QualificationView>>
{
    public async ValueTask<PagedList<QualificationView>> Handle(ListLabQualifications query, CancellationToken cancellationToken)
    {
        await db.RequireManagerAsync(query.LabId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        var today = SeoulTime.DateOf(now);
        var qualifications = db.Qualifications.Where(q => q.LabId == query.LabId);
        if (!query.IncludeRevoked)
            qualifications = qualifications.Where(q => q.RevokedAt == null);
        if (query.EquipmentId is { } equipmentId)
            qualifications = qualifications.Where(q => q.EquipmentId == equipmentId);
        if (query.ExpiringSoon)
            qualifications = qualifications.Where(q => q.RevokedAt == null && q.ValidUntil >= today && q.ValidUntil <= today.AddDays(QualificationListing.ExpiringSoonDays));
        return await db.QualificationViews(qualifications.OrderBy(q => q.ValidUntil).ThenBy(q => q.Id), now)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
