namespace SharingPlatform.Application.Labs;

/// <summary>
/// A signed-in person books a seat in a slot of a published lab and, optionally, pieces of its equipment. Rules refuse
/// with 422 and a code (a slot beyond the lab's horizon, not in the timetable, closed, started or within the notice;
/// the person's cap of active sessions; equipment out of service; a qualification missing or expired on the session's
/// date; a no-show pause). The booker's row is locked for the transaction, so one person's racing requests are counted
/// one after the other and the cap holds. The database settles every race (409): the slot's seat
/// counter (<c>slot_full</c>), a piece of equipment once per slot (<c>equipment_taken</c>), one seat per person per slot
/// (<c>already_booked</c>).
/// </summary>
public sealed record CreateLabBooking(Guid LabId, DateTimeOffset SlotStartsAt, IReadOnlyList<Guid>? EquipmentIds) : ICommand<LabBookingView>;

public sealed class CreateLabBookingValidator : AbstractValidator<CreateLabBooking>
{
    public CreateLabBookingValidator()
    {
        RuleFor(c => c.LabId).NotEmpty();
        RuleFor(c => c.EquipmentIds).Must(ids => ids is null || ids.Count <= 20);
    }
}

public sealed class CreateLabBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, LabNotices notices, TimeProvider clock)
    : ICommandHandler<CreateLabBooking, LabBookingView>
{
    public async ValueTask<LabBookingView> Handle(CreateLabBooking command, CancellationToken cancellationToken)
    {
        var bookerId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var lab = await db.PubliclyVisible().AsNoTracking().SingleOrDefaultAsync(l => l.Id == command.LabId, cancellationToken)
            ?? throw LabAccess.NotFound();
        lab.CheckHorizon(command.SlotStartsAt, now);
        var slot = lab.BookableSlot(command.SlotStartsAt, now);
        lab.CheckNotice(slot, now);
        var pausedUntil = await db.Users.Where(u => u.Id == bookerId).Select(u => u.BookingPausedUntil).SingleAsync(cancellationToken);
        BookingRules.CheckNotPaused(pausedUntil, now);

        var equipmentIds = (command.EquipmentIds ?? []).Distinct().ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One person's bookings take turns on their row; the count is a statement of its own after the lock, so under
        // READ COMMITTED it sees the session of the request that held the lock before.
        await db.LockUserAsync(bookerId, cancellationToken);
        await db.RefuseIfSuspendedAsync(bookerId, shareRow: false, cancellationToken);
        var active = await db.LabBookings.CountAsync(b => b.LabId == lab.Id && b.BookerId == bookerId
            && (b.Status == LabBookingStatus.Booked || b.Status == LabBookingStatus.CheckedIn) && b.SlotEndsAt > now, cancellationToken);
        lab.CheckPersonalCap(active);
        if (equipmentIds.Length > 0)
            await CheckEquipmentAsync(lab, slot, bookerId, equipmentIds, cancellationToken);

        var booking = await db.BookAsync(lab, slot, bookerId, equipmentIds, now, cancellationToken);
        await notices.BookedAsync(booking, lab, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (LabConflicts.From(e) is { } conflict)
        {
            throw conflict;
        }

        return await db.ViewAsync(booking.Id, cancellationToken);
    }

    /// <summary>
    /// Each piece must be the lab's, in service during the slot, and (where it needs one) covered by a qualification valid
    /// on the session's date. The pieces are read FOR SHARE: taking one out of service waits for this booking, and a
    /// booking after it sees the period.
    /// </summary>
    private async Task CheckEquipmentAsync(Lab lab, LabSlot slot, Guid bookerId, Guid[] equipmentIds, CancellationToken cancellationToken)
    {
        var equipment = await db.Equipment.FromSql($"SELECT * FROM lab_equipment WHERE lab_id = {lab.Id} AND id = ANY({equipmentIds}) ORDER BY id FOR SHARE")
            .AsNoTracking().ToListAsync(cancellationToken);
        if (equipment.Count != equipmentIds.Length)
            throw new DomainRuleException("equipment_not_in_lab", Texts.Get("Rule_equipment_not_in_lab"));
        var held = await db.Qualifications.AsNoTracking().Where(q => q.UserId == bookerId && equipmentIds.Contains(q.EquipmentId)).ToListAsync(cancellationToken);
        foreach (var piece in equipment)
            piece.CheckBookable(slot, held);
    }
}
