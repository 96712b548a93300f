using FluentValidation;
using Mediator;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Bookings;

/// <summary>A member of the owning organization turns down a pending request, saying why; the time is free at once.</summary>
public sealed record RejectBooking(Guid Id, string? Reason) : ICommand<BookingView>;

public sealed class RejectBookingValidator : AbstractValidator<RejectBooking>
{
    public RejectBookingValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class RejectBookingHandler(IApplicationDbContext db, ICurrentUser currentUser) : ICommandHandler<RejectBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(RejectBooking command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        found.RequireOwnerSide();
        found.Booking.Reject(command.Reason!);
        await db.SaveChangesAsync(cancellationToken);
        return BookingView.From(found.Booking, found.ResourceTitle);
    }
}
