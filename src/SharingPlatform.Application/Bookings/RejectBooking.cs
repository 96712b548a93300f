namespace SharingPlatform.Application.Bookings;

/// <summary>A member of the owning organization turns down a pending request, saying why; the time is free at once.</summary>
public sealed record RejectBooking(Guid Id, string? Reason) : ICommand<BookingView>;

public sealed class RejectBookingValidator : AbstractValidator<RejectBooking>
{
    public RejectBookingValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(Booking.ReasonMaxLength);
}

public sealed class RejectBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock) : ICommandHandler<RejectBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(RejectBooking command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        found.RequireOwnerSide();
        var now = clock.GetUtcNow();
        found.Booking.Reject(found.UserId, command.Reason!, now);
        await notices.RejectedAsync(found.Booking, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(command.Id, cancellationToken);
    }
}
