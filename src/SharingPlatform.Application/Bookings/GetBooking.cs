using Mediator;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Bookings;

/// <summary>One booking, for its booker, the owning organization and administrators.</summary>
public sealed record GetBooking(Guid Id) : IQuery<BookingView>;

public sealed class GetBookingHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(GetBooking query, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(query.Id, currentUser, cancellationToken);
        return BookingView.From(found.Booking, found.ResourceTitle);
    }
}
