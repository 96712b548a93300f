using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Organizations;

namespace SharingPlatform.Application.Bookings;

/// <summary>The booker, or a member of the owning organization, cancels before the start; the time is free at once.</summary>
public sealed record CancelBooking(Guid Id, string? Reason) : ICommand<BookingView>;

public sealed class CancelBookingValidator : AbstractValidator<CancelBooking>
{
    public CancelBookingValidator() => RuleFor(c => c.Reason).MaximumLength(1000);
}

public sealed class CancelBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CancelBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(CancelBooking command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var found = await db.Bookings
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { Booking = b, r.OrganizationId, r.Title })
            .SingleOrDefaultAsync(x => x.Booking.Id == command.Id, cancellationToken);
        if (found is null || (found.Booking.BookerId != userId && !await db.IsMemberAsync(found.OrganizationId, userId, cancellationToken)))
            throw new NotFoundException(Texts.Pick("예약을 찾을 수 없습니다.", "No such booking."));

        found.Booking.Cancel(command.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return BookingView.From(found.Booking, found.Title);
    }
}
