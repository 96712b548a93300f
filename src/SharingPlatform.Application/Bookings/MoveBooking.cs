namespace SharingPlatform.Application.Bookings;

/// <summary>
/// The booker moves their pending or confirmed booking to another period before it starts. Every rule is checked again
/// (422 with its code) and the database refuses an overlap (409 <c>period_taken</c>); its reminders move with it. Where
/// the owner approves requests, the moved booking waits for approval again.
/// </summary>
public sealed record MoveBooking(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt) : ICommand<BookingView>;

public sealed class MoveBookingValidator : AbstractValidator<MoveBooking>
{
    public MoveBookingValidator() => RuleFor(c => c.EndsAt).GreaterThan(c => c.StartsAt);
}

public sealed class MoveBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock)
    : ICommandHandler<MoveBooking, BookingView>
{
    public async ValueTask<BookingView> Handle(MoveBooking command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        if (!found.IsBooker)
            throw new ForbiddenException(Texts.Get("OnlyBookerMoves"));
        var now = clock.GetUtcNow();
        var resource = await db.Resources.AsNoTracking().SingleAsync(r => r.Id == found.Booking.ResourceId, cancellationToken);
        var pausedUntil = await db.Users.Where(u => u.Id == found.UserId).Select(u => u.BookingPausedUntil).SingleAsync(cancellationToken);
        found.Booking.Move(resource, new Period(command.StartsAt, command.EndsAt), pausedUntil, found.UserId, now);
        await notices.MovedAsync(found.Booking, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (PeriodTaken.Is(e))
        {
            throw PeriodTaken.Error();
        }

        return await db.ViewAsync(command.Id, cancellationToken);
    }
}
