using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// Loans of the caller's organizations' resources, by pick-up day: optionally of one status, of one resource, or picked
/// up or returned on one Seoul date (the desk's day).
/// </summary>
public sealed record ListIncomingLoans(
    LoanStatus? Status = null, Guid? ResourceId = null, DateOnly? Day = null, int Page = 1, int PageSize = 20) : IQuery<PagedList<LoanListItem>>;

public sealed class ListIncomingLoansValidator : AbstractValidator<ListIncomingLoans>
{
    public ListIncomingLoansValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Status).IsInEnum();
    }
}

public sealed class ListIncomingLoansHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListIncomingLoans, PagedList<LoanListItem>>
{
    public async ValueTask<PagedList<LoanListItem>> Handle(ListIncomingLoans query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var ours = db.Resources.OfOrganizationsOf(db, userId).Select(r => r.Id);
        var loans = db.Loans.Where(l => ours.Contains(l.ResourceId));
        if (query.Status is { } status)
            loans = loans.Where(l => l.Status == status);
        if (query.ResourceId is { } resourceId)
            loans = loans.Where(l => l.ResourceId == resourceId);
        if (query.Day is { } day)
            loans = loans.Where(l => l.PickupOn == day || l.ReturnOn == day);
        return await loans.ToPagedListAsync(db.Items, query.Page, query.PageSize, cancellationToken);
    }
}
