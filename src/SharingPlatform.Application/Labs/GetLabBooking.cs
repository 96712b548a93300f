namespace SharingPlatform.Application.Labs;

/// <summary>One lab session: for its booker, the lab's organization and administrators; anyone else gets 404.</summary>
public sealed record GetLabBooking(Guid Id) : IQuery<LabBookingView>;

public sealed class GetLabBookingHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetLabBooking, LabBookingView>
{
    public async ValueTask<LabBookingView> Handle(GetLabBooking query, CancellationToken cancellationToken)
    {
        await db.LoadBookingAsync(query.Id, currentUser, cancellationToken);
        return await db.ViewAsync(query.Id, cancellationToken);
    }
}
