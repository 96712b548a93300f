using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// For the desk: a lent resource's units out of service now or later (and the last ended ones), and the loans not yet
/// handed over that fall on a day with fewer units than promised.
/// </summary>
public sealed record ListUnitOutages(Guid ResourceId) : IQuery<UnitOutages>;

public sealed record UnitOutages(Guid ResourceId, string ResourceTitle, int Units, IReadOnlyList<string> UnitLabels,
    IReadOnlyList<UnitOutageView> Outages, IReadOnlyList<LoanListItem> LoansAtRisk);

public sealed class ListUnitOutagesHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListUnitOutages, UnitOutages>
{
    private const int EndedShown = 10;

    public async ValueTask<UnitOutages> Handle(ListUnitOutages query, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForMemberAsync(query.ResourceId, currentUser, cancellationToken);
        if (resource.Lending is null)
            throw new DomainRuleException("resource_not_lent", Texts.Get("Rule_resource_not_lent"));
        var now = clock.GetUtcNow();
        var today = SeoulTime.DateOf(now);
        var outages = db.UnitOutages.AsNoTracking().Where(o => o.ResourceId == resource.Id)
            .OrderByDescending(o => o.FirstDay).ThenByDescending(o => o.Id);
        var current = await outages.Where(o => o.EndedAt == null && o.LastDay >= today).ToListAsync(cancellationToken);
        var ended = await outages.Where(o => o.EndedAt != null || o.LastDay < today).Take(EndedShown).ToListAsync(cancellationToken);
        var shown = current.Concat(ended);

        var shortDays = await db.ShortDays(resource.Id, today, DateOnly.MaxValue).ToListAsync(cancellationToken);
        var atRisk = shortDays.Count == 0 ? [] : (await db.Items(db.Loans.Where(l => l.ResourceId == resource.Id
                    && (l.Status == LoanStatus.Requested || l.Status == LoanStatus.Confirmed)
                    && l.PickupOn <= shortDays.Max() && l.ReturnOn >= shortDays.Min()))
                .ToListAsync(cancellationToken))
            .Where(l => shortDays.Any(d => d >= l.PickupOn && d <= l.ReturnOn)).ToList();
        return new UnitOutages(resource.Id, resource.Title, resource.Lending.Units, resource.Lending.UnitLabels,
            shown.Select(o => UnitOutageView.From(o, now)).ToList(), atRisk);
    }
}
