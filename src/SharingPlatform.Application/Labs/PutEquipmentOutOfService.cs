namespace SharingPlatform.Application.Labs;

/// <summary>
/// A manager takes a piece of equipment out of service for [From, Until) (maintenance), with a reason. Sessions still
/// booked in a slot that meets the period lose that piece (their seat stays) and their bookers are told; the piece is
/// locked first, so a booking racing this one either lands before (and is dropped) or sees the period (and is refused).
/// </summary>
public sealed record PutEquipmentOutOfService(Guid LabId, Guid EquipmentId, DateTimeOffset From, DateTimeOffset Until, string? Reason)
    : ICommand<EquipmentOutOfService>;

public sealed record EquipmentOutOfService(EquipmentView Equipment, int SessionsAffected);

public sealed class PutEquipmentOutOfServiceValidator : AbstractValidator<PutEquipmentOutOfService>
{
    public PutEquipmentOutOfServiceValidator()
    {
        RuleFor(c => c.Until).GreaterThan(c => c.From);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }
}

public sealed class PutEquipmentOutOfServiceHandler(IApplicationDbContext db, ICurrentUser currentUser, LabNotices notices, TimeProvider clock)
    : ICommandHandler<PutEquipmentOutOfService, EquipmentOutOfService>
{
    public async ValueTask<EquipmentOutOfService> Handle(PutEquipmentOutOfService command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var equipment = await db.Equipment.FromSql($"SELECT * FROM lab_equipment WHERE id = {command.EquipmentId} AND lab_id = {lab.Id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken) ?? throw EquipmentAccess.NotFound();
        var period = new Period(command.From, command.Until);
        equipment.PutOutOfService(period, command.Reason!);

        var from = period.Start;
        var until = period.End;
        var affected = await db.LabBookings.Include(b => b.Equipment)
            .Where(b => b.LabId == lab.Id && b.Status == LabBookingStatus.Booked && b.SlotStartsAt < until && b.SlotEndsAt > from
                && b.Equipment.Any(e => e.EquipmentId == equipment.Id && !e.Released))
            .ToListAsync(cancellationToken);
        var dropped = affected.Where(b => b.DropEquipment(equipment.Id, now)).ToList();
        await notices.EquipmentDroppedAsync(dropped, equipment, lab, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EquipmentOutOfService(EquipmentView.From(equipment, now), dropped.Count);
    }
}
