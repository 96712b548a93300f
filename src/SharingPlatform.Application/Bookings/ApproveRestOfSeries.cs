namespace SharingPlatform.Application.Bookings;

/// <summary>
/// A member of the owning organization confirms one pending occurrence of a weekly series and every later one still
/// pending, in one go. Answers the confirmed occurrences; nothing pending from there on is a 409.
/// </summary>
public sealed record ApproveRestOfSeries(Guid Id) : ICommand<IReadOnlyList<BookingView>>;

public sealed class ApproveRestOfSeriesHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock)
    : ICommandHandler<ApproveRestOfSeries, IReadOnlyList<BookingView>>
{
    public async ValueTask<IReadOnlyList<BookingView>> Handle(ApproveRestOfSeries command, CancellationToken cancellationToken)
    {
        var found = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        found.RequireOwnerSide();
        if (found.Booking.SeriesId is not { } seriesId)
            throw new IllegalTransitionException("booking_not_in_series", "This booking is not part of a weekly series.");

        var now = clock.GetUtcNow();
        var rest = await db.Bookings
            .Where(b => b.SeriesId == seriesId && b.StartsAt >= found.Booking.StartsAt && b.Status == BookingStatus.Pending)
            .OrderBy(b => b.StartsAt)
            .ToListAsync(cancellationToken);
        if (rest.Count == 0)
            throw new IllegalTransitionException("booking_not_pending", "No occurrence from this one on is waiting for approval.");
        foreach (var booking in rest)
            booking.Approve(found.UserId, now);
        await notices.ApprovedAsync(rest, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var ids = rest.Select(b => b.Id).ToList();
        return await db.Views(db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.StartsAt)).ToListAsync(cancellationToken);
    }
}
