namespace SharingPlatform.Application.Bookings;

/// <summary>A member of the owning organization checks the booker in, from 15 minutes before the start until the end.</summary>
public sealed record CheckInBooking(Guid Id) : ICommand<BookingView>;

public sealed class CheckInBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CheckInBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(CheckInBooking command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        found.RequireOwnerSide();
        found.Booking.CheckIn(found.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(command.Id, cancellationToken);
    }
}
