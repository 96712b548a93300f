namespace SharingPlatform.Application.Labs;

/// <summary>
/// The usage log of a lab between two Seoul dates (inclusive), for its managers and administrators: completed and
/// checked-in sessions, and minutes per piece of equipment (recorded, or the slot's length until recorded). The
/// statistics read the same totals.
/// </summary>
public sealed record GetLabUsage(Guid LabId, DateOnly From, DateOnly To) : IQuery<LabUsage>;

public sealed record LabUsage(Guid LabId, DateOnly From, DateOnly To, int Sessions, int SessionMinutes, int DistinctPeople, IReadOnlyList<EquipmentUsageTotal> Equipment);

public sealed record EquipmentUsageTotal(Guid EquipmentId, string Name, int Sessions, int Minutes);

public sealed class GetLabUsageValidator : AbstractValidator<GetLabUsage>
{
    public GetLabUsageValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From);
        RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber <= 366)
            .WithMessage(_ => Texts.Get("UsagePeriodTooLong"));
    }
}

public sealed class GetLabUsageHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetLabUsage, LabUsage>
{
    public async ValueTask<LabUsage> Handle(GetLabUsage query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAdministrator())
            await db.RequireManagerAsync(query.LabId, currentUser, cancellationToken);
        else if (!await db.Labs.AnyAsync(l => l.Id == query.LabId, cancellationToken))
            throw LabAccess.NotFound();
        var from = SeoulTime.StartOf(query.From);
        var to = SeoulTime.StartOf(query.To.AddDays(1));
        var used = db.LabBookings.AsNoTracking()
            .Where(b => b.LabId == query.LabId && b.SlotStartsAt >= from && b.SlotStartsAt < to
                && (b.Status == LabBookingStatus.Completed || b.Status == LabBookingStatus.CheckedIn));
        var sessions = await used.Select(b => new { b.BookerId, b.SlotStartsAt, b.SlotEndsAt }).ToListAsync(cancellationToken);
        var equipment = await used.SelectMany(b => b.Equipment.Where(e => !e.Released),
                (b, e) => new { e.EquipmentId, Minutes = e.UsageMinutes ?? (int)(b.SlotEndsAt - b.SlotStartsAt).TotalMinutes })
            .ToListAsync(cancellationToken);
        var names = await db.Equipment.AsNoTracking().Where(e => e.LabId == query.LabId).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var totals = equipment.GroupBy(e => e.EquipmentId)
            .Select(g => new EquipmentUsageTotal(g.Key, names.GetValueOrDefault(g.Key, ""), g.Count(), g.Sum(e => e.Minutes)))
            .OrderBy(t => t.Name).ToList();
        return new LabUsage(query.LabId, query.From, query.To, sessions.Count, sessions.Sum(s => (int)(s.SlotEndsAt - s.SlotStartsAt).TotalMinutes),
            sessions.Select(s => s.BookerId).Distinct().Count(), totals);
    }
}
