using SharingPlatform.Application.Organizations;
using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Bookings;

/// <summary>
/// A published resource's time in [From, To) (at most 31 days): opening hours, busy periods and slots (free, busy,
/// unavailable). The public sees busy periods without who booked them; the caller's own bookings are marked as theirs,
/// and the owning organization sees which booking holds each.
/// </summary>
public sealed record GetResourceAvailability(Guid ResourceId, DateTimeOffset From, DateTimeOffset To) : IQuery<ResourceAvailability>;

public sealed record ResourceAvailability(
    Guid ResourceId, DateTimeOffset From, DateTimeOffset To, int SlotMinutes, int MinMinutes, int MaxMinutes, int BufferMinutes,
    IReadOnlyList<OpenPeriodView> OpeningHours, IReadOnlyList<BusyPeriod> Busy, IReadOnlyList<Slot> Slots);

public sealed record OpenPeriodView(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A holding booking's time, buffer included up to <see cref="BlockedUntil"/>. <see cref="BookingId"/> only for its booker and the owner.</summary>
public sealed record BusyPeriod(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset BlockedUntil, bool Mine, Guid? BookingId);

public sealed class GetResourceAvailabilityValidator : AbstractValidator<GetResourceAvailability>
{
    public const int MaxDays = 31;

    public GetResourceAvailabilityValidator()
    {
        RuleFor(q => q.To).GreaterThan(q => q.From);
        RuleFor(q => q.To).Must((q, to) => to - q.From <= TimeSpan.FromDays(MaxDays))
            .WithMessage(_ => Texts.Get("AvailabilityTooLong", MaxDays));
    }
}

public sealed class GetResourceAvailabilityHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetResourceAvailability, ResourceAvailability>
{
    public async ValueTask<ResourceAvailability> Handle(GetResourceAvailability query, CancellationToken cancellationToken)
    {
        var resource = await db.PubliclyVisible().AsNoTracking()
            .Select(r => new { r.Id, r.OrganizationId, r.Policy })
            .SingleOrDefaultAsync(r => r.Id == query.ResourceId, cancellationToken)
            ?? throw ResourceAccess.NotFound();
        var userId = currentUser.Id;
        var ownerSide = userId is { } id && await db.IsMemberAsync(resource.OrganizationId, id, cancellationToken);

        var window = new Period(query.From, query.To);
        // Holding bookings that reach into the window, and those just after it that limit the ends a booking near its end may have.
        var reach = window.End.AddMinutes(resource.Policy.MaxMinutes + resource.Policy.BufferMinutes);
        var holding = await db.HoldingOn(resource.Id, window.Start, reach).AsNoTracking()
            .OrderBy(b => b.StartsAt)
            .Select(b => new { b.Id, b.StartsAt, b.EndsAt, b.BlockedUntil, b.BookerId })
            .ToListAsync(cancellationToken);
        var busy = holding.Where(b => b.StartsAt < window.End).ToList();

        var policy = resource.Policy;
        return new ResourceAvailability(
            resource.Id, window.Start, window.End, policy.SlotMinutes, policy.MinMinutes, policy.MaxMinutes, policy.BufferMinutes,
            Availability.OpenPeriods(policy, window).Select(p => new OpenPeriodView(p.Start, p.End)).ToList(),
            busy.Select(b =>
            {
                var mine = b.BookerId == userId;
                return new BusyPeriod(b.StartsAt, b.EndsAt, b.BlockedUntil, mine, mine || ownerSide ? b.Id : null);
            }).ToList(),
            Availability.Slots(policy, window, holding.Select(b => new Period(b.StartsAt, b.BlockedUntil)).ToList(), clock.GetUtcNow()));
    }
}
