namespace SharingPlatform.Application.Bookings;

/// <summary>A member of the owning organization confirms a pending request.</summary>
public sealed record ApproveBooking(Guid Id) : ICommand<BookingView>;

public sealed class ApproveBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock) : ICommandHandler<ApproveBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(ApproveBooking command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        found.RequireOwnerSide();
        var now = clock.GetUtcNow();
        found.Booking.Approve(found.UserId, now);
        await notices.ApprovedAsync([found.Booking], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(command.Id, cancellationToken);
    }
}
