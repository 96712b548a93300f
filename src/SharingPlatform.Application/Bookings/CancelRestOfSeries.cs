namespace SharingPlatform.Application.Bookings;

/// <summary>
/// The booker or the owner cancels one occurrence of a weekly series and every later one still holding its time
/// (those already started, rejected or cancelled stay as they are; the chosen one too, when it has started). Answers the
/// cancelled occurrences; nothing left to cancel is a 409.
/// </summary>
public sealed record CancelRestOfSeries(Guid Id, string? Reason) : ICommand<IReadOnlyList<BookingView>>;

public sealed class CancelRestOfSeriesValidator : AbstractValidator<CancelRestOfSeries>
{
    public CancelRestOfSeriesValidator() => RuleFor(c => c.Reason).MaximumLength(Booking.ReasonMaxLength);
}

public sealed class CancelRestOfSeriesHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock)
    : ICommandHandler<CancelRestOfSeries, IReadOnlyList<BookingView>>
{
    public async ValueTask<IReadOnlyList<BookingView>> Handle(CancelRestOfSeries command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        found.RequireBookerOrOwnerSide();
        var first = found.Booking;
        if (first.SeriesId is not { } seriesId)
            throw new IllegalTransitionException("booking_not_in_series", "This booking is not part of a weekly series.");

        var now = clock.GetUtcNow();
        var rest = await db.Bookings.Holding()
            .Where(b => b.SeriesId == seriesId && b.StartsAt >= first.StartsAt && b.StartsAt > now)
            .OrderBy(b => b.StartsAt)
            .ToListAsync(cancellationToken);
        if (rest.Count == 0)
            throw new IllegalTransitionException("series_nothing_to_cancel", "No occurrence from this one on can still be cancelled.");
        foreach (var booking in rest)
            booking.Cancel(found.UserId, command.Reason, now);
        await notices.CancelledAsync(rest, found.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var ids = rest.Select(b => b.Id).ToList();
        return await db.Views(db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.StartsAt)).ToListAsync(cancellationToken);
    }
}
