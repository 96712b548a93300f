namespace SharingPlatform.Application.Bookings;

/// <summary>The booker, or a member of the owning organization, cancels before the start; the time is free at once.</summary>
public sealed record CancelBooking(Guid Id, string? Reason) : ICommand<BookingView>;

public sealed class CancelBookingValidator : AbstractValidator<CancelBooking>
{
    public CancelBookingValidator() => RuleFor(c => c.Reason).MaximumLength(Booking.ReasonMaxLength);
}

public sealed class CancelBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock)
    : ICommandHandler<CancelBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(CancelBooking command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        found.RequireBookerOrOwnerSide();
        var now = clock.GetUtcNow();
        found.Booking.Cancel(found.UserId, command.Reason, now);
        await notices.CancelledAsync([found.Booking], found.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(command.Id, cancellationToken);
    }
}
