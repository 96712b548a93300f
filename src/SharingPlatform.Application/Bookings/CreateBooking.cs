using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Bookings;

/// <summary>
/// A resident books a published resource for [StartsAt, EndsAt). Every policy rule is checked (422 with its code);
/// an overlap with a holding booking is refused by the database's exclusion constraint (409 <c>period_taken</c>),
/// however many race.
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

public sealed class CreateBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock)
    : ICommandHandler<CreateBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(CreateBooking command, CancellationToken cancellationToken)
    {
        var bookerId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var resource = await db.PubliclyVisible().AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.ResourceId, cancellationToken)
            ?? throw ResourceAccess.NotFound();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var booker = await db.LockStandingAsync(bookerId, resource.Id, now, cancellationToken);
        var booking = Booking.Request(resource, bookerId, new Period(command.StartsAt, command.EndsAt), command.Attendees,
            command.Purpose ?? "", booker.Standing, now);
        db.Bookings.Add(booking);
        await notices.RequestedAsync([booking], resource, booker.Booker, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (PeriodTaken.Is(e))
        {
            throw PeriodTaken.Error();
        }

        return BookingViews.From(booking, resource, booker.Booker.DisplayName);
    }
}
