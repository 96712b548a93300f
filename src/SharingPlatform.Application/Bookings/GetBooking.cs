namespace SharingPlatform.Application.Bookings;

/// <summary>One booking with its history (who changed it, when and why), for its booker, the owning organization and administrators.</summary>
public sealed record GetBooking(Guid Id) : IQuery<BookingDetails>;

public sealed record BookingDetails(BookingView Booking, IReadOnlyList<BookingChangeView> History, bool YouBooked, bool YouShare);

/// <summary>One change; <see cref="ActorName"/> is null when the platform made it (a no-show, a completion).</summary>
public sealed record BookingChangeView(DateTimeOffset At, BookingStatus Status, string? ActorName, string? Reason);

public sealed class GetBookingHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetBooking, BookingDetails>
{
    public async ValueTask<BookingDetails> Handle(GetBooking query, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(query.Id, currentUser, cancellationToken);
        var history = await db.BookingChanges.AsNoTracking()
            .Where(c => c.BookingId == query.Id)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new BookingChangeView(c.At, c.Status, db.Users.Where(u => u.Id == c.ActorId).Select(u => u.DisplayName).FirstOrDefault(), c.Reason))
            .ToListAsync(cancellationToken);
        return new BookingDetails(await db.ViewAsync(query.Id, cancellationToken), history, found.IsBooker, found.IsOwnerSide);
    }
}
