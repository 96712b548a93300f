using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Common;

namespace SharingPlatform.Application.Bookings;

/// <summary>
/// A resident books a published resource for [StartsAt, EndsAt). Every policy rule is checked (422 with its code);
/// an overlap with a holding booking is refused by the database's exclusion constraint (409), however many race.
/// </summary>
public sealed record CreateBooking(Guid ResourceId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Attendees, string? Purpose)
    : ICommand<BookingView>;

public sealed class CreateBookingValidator : AbstractValidator<CreateBooking>
{
    public CreateBookingValidator()
    {
        RuleFor(c => c.ResourceId).NotEmpty();
        RuleFor(c => c.EndsAt).GreaterThan(c => c.StartsAt);
        RuleFor(c => c.Attendees).InclusiveBetween(1, 10_000);
        RuleFor(c => c.Purpose).MaximumLength(Booking.PurposeMaxLength);
    }
}

public sealed class CreateBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(CreateBooking command, CancellationToken cancellationToken)
    {
        var bookerId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var resource = await db.PubliclyVisible().AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.ResourceId, cancellationToken)
            ?? throw ResourceAccess.NotFound();
        var active = await db.Bookings.CountAsync(b => b.ResourceId == resource.Id && b.BookerId == bookerId
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.EndsAt > now, cancellationToken);

        var booking = Booking.Request(resource, bookerId, new Period(command.StartsAt, command.EndsAt), command.Attendees,
            command.Purpose ?? "", active, now);
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(cancellationToken); // an overlap: 23P01 on ex_bookings_no_overlap → 409
        return BookingView.From(booking, resource.Title);
    }
}
