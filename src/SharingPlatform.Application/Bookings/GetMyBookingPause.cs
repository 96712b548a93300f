namespace SharingPlatform.Application.Bookings;

/// <summary>
/// Until when the signed-in person may not book after no-shows, or null when they may: what "my bookings" says above
/// the list. The whole account (<c>GetMyAccount</c>) would join their organizations for one date.
/// </summary>
public sealed record GetMyBookingPause : IQuery<DateTimeOffset?>;

public sealed class GetMyBookingPauseHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetMyBookingPause, DateTimeOffset?>
{
    public async ValueTask<DateTimeOffset?> Handle(GetMyBookingPause query, CancellationToken cancellationToken)
    {
        var id = currentUser.RequireId();
        var now = clock.GetUtcNow();
        return await db.Users.Where(u => u.Id == id && u.BookingPausedUntil > now)
            .Select(u => u.BookingPausedUntil)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
