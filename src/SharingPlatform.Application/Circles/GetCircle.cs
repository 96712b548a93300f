namespace SharingPlatform.Application.Circles;

/// <summary>One circle with the caller's membership, its members (to members) and its next meetings; 404 when suspended, except to its hosts and administrators.</summary>
public sealed record GetCircle(Guid Id) : IQuery<CircleDetailsView>;

public sealed class GetCircleHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetCircle, CircleDetailsView>
{
    public async ValueTask<CircleDetailsView> Handle(GetCircle query, CancellationToken cancellationToken) =>
        await db.CircleDetailsAsync(query.Id, currentUser, clock.GetUtcNow(), cancellationToken);
}
