namespace SharingPlatform.Application.Home;

/// <summary>
/// For the home page of a signed-in member of an organization: how many booking requests wait for their organizations;
/// null for someone who belongs to none.
/// </summary>
public sealed record CountMyWaitingRequests : IQuery<int?>;

public sealed class CountMyWaitingRequestsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<CountMyWaitingRequests, int?>
{
    public async ValueTask<int?> Handle(CountMyWaitingRequests query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (!await db.OrganizationMembers.AnyAsync(m => m.UserId == userId, cancellationToken))
            return null;
        return await db.Bookings.CountAsync(b => b.Status == BookingStatus.Pending && db.Resources.Any(r =>
            r.Id == b.ResourceId && db.OrganizationMembers.Any(m => m.OrganizationId == r.OrganizationId && m.UserId == userId)), cancellationToken);
    }
}
