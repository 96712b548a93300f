using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Bookings;

/// <summary>
/// The ends a booking of a published resource starting at <see cref="StartsAt"/> may have now: every slot from the
/// policy's shortest to its longest duration, open and free (buffer included) all along; none for a start the policy
/// cannot have (too soon, too far ahead, closed).
/// </summary>
public sealed record GetBookingEndTimes(Guid ResourceId, DateTimeOffset StartsAt) : IQuery<IReadOnlyList<DateTimeOffset>>;

public sealed class GetBookingEndTimesHandler(IApplicationDbContext db, TimeProvider clock)
    : IQueryHandler<GetBookingEndTimes, IReadOnlyList<DateTimeOffset>>
{
    public async ValueTask<IReadOnlyList<DateTimeOffset>> Handle(GetBookingEndTimes query, CancellationToken cancellationToken)
    {
        var policy = await db.PubliclyVisible().AsNoTracking()
            .Where(r => r.Id == query.ResourceId)
            .Select(r => r.Policy)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw ResourceAccess.NotFound();
        var busy = await db.HoldingOn(query.ResourceId, query.StartsAt, query.StartsAt.AddMinutes(policy.MaxMinutes + policy.BufferMinutes))
            .AsNoTracking()
            .Select(b => new Period(b.StartsAt, b.BlockedUntil))
            .ToListAsync(cancellationToken);
        return Availability.EndsFrom(policy, query.StartsAt, busy, clock.GetUtcNow());
    }
}
