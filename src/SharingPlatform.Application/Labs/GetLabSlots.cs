namespace SharingPlatform.Application.Labs;

/// <summary>
/// The slots of a lab that start within [From, To) (at most 31 days): seats left, the equipment free in each (not held by
/// another session, not out of service), whether it can still be booked, and the caller's own session in it.
/// </summary>
public sealed record GetLabSlots(Guid LabId, DateTimeOffset From, DateTimeOffset To) : IQuery<IReadOnlyList<LabSlotView>>;

public sealed record LabSlotView(
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Seats, int SeatsLeft, IReadOnlyList<Guid> FreeEquipmentIds, bool Bookable, Guid? MyBookingId);

public sealed class GetLabSlotsValidator : AbstractValidator<GetLabSlots>
{
    public const int MaxDays = 31;

    public GetLabSlotsValidator()
    {
        RuleFor(q => q.To).GreaterThan(q => q.From);
        RuleFor(q => q.To).Must((q, to) => to - q.From <= TimeSpan.FromDays(MaxDays))
            .WithMessage(_ => Texts.Get("PeriodTooLong"));
    }
}

public sealed class GetLabSlotsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetLabSlots, IReadOnlyList<LabSlotView>>
{
    public async ValueTask<IReadOnlyList<LabSlotView>> Handle(GetLabSlots query, CancellationToken cancellationToken)
    {
        var lab = await db.VisibleTo(currentUser.Id, currentUser.IsAdministrator()).AsNoTracking().SingleOrDefaultAsync(l => l.Id == query.LabId, cancellationToken)
            ?? throw LabAccess.NotFound();
        var now = clock.GetUtcNow();
        var from = query.From.ToUniversalTime();
        var to = query.To.ToUniversalTime();
        var slots = lab.Timetable.SlotsStartingBetween(from, to);
        var taken = await db.LabSlots.AsNoTracking().Where(s => s.LabId == lab.Id && s.StartsAt >= from && s.StartsAt < to)
            .ToDictionaryAsync(s => s.StartsAt, s => s.SeatsTaken, cancellationToken);
        var held = await db.LabBookingEquipment.AsNoTracking()
            .Where(e => !e.Released && e.SlotStartsAt >= from && e.SlotStartsAt < to && db.Equipment.Any(q => q.Id == e.EquipmentId && q.LabId == lab.Id))
            .Select(e => new { e.SlotStartsAt, e.EquipmentId })
            .ToListAsync(cancellationToken);
        var equipment = await db.Equipment.AsNoTracking().Where(e => e.LabId == lab.Id).OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var mine = currentUser.Id is { } userId
            ? await db.LabBookings.AsNoTracking()
                .Where(b => b.LabId == lab.Id && b.BookerId == userId && b.SlotStartsAt >= from && b.SlotStartsAt < to && LabBooking.Holding.Contains(b.Status))
                .ToDictionaryAsync(b => b.SlotStartsAt, b => b.Id, cancellationToken)
            : [];

        return slots.Select(slot =>
        {
            var seatsLeft = Math.Max(0, lab.SeatsPerSlot - taken.GetValueOrDefault(slot.StartsAt));
            var free = equipment
                .Where(e => !e.IsOutOfServiceDuring(slot.Period) && !held.Any(h => h.SlotStartsAt == slot.StartsAt && h.EquipmentId == e.Id))
                .Select(e => e.Id).ToList();
            return new LabSlotView(slot.StartsAt, slot.EndsAt, lab.SeatsPerSlot, seatsLeft, free,
                lab.Status == LabStatus.Published && now < slot.StartsAt && seatsLeft > 0, mine.TryGetValue(slot.StartsAt, out var id) ? id : null);
        }).ToList();
    }
}
