namespace SharingPlatform.Application.Labs;

/// <summary>
/// The booker cancels until the slot starts; a lab manager cancels with a reason. The seat (the slot's counter) and the
/// equipment are free at once, in the same transaction; the other side is told.
/// </summary>
public sealed record CancelLabBooking(Guid Id, string? Reason) : ICommand<LabBookingView>;

public sealed class CancelLabBookingValidator : AbstractValidator<CancelLabBooking>
{
    public CancelLabBookingValidator() => RuleFor(c => c.Reason).MaximumLength(LabBooking.ReasonMaxLength);
}

public sealed class CancelLabBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, LabNotices notices, TimeProvider clock)
    : ICommandHandler<CancelLabBooking, LabBookingView>
{
    public async ValueTask<LabBookingView> Handle(CancelLabBooking command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (booking, lab, userId, isManager) = await db.LoadBookingAsync(command.Id, currentUser, cancellationToken);
        if (booking.BookerId != userId && !isManager)
            throw new ForbiddenException(Texts.Get("OnlyBookerOrLabManagersCancel"));
        if (booking.BookerId != userId)
            await db.RequireManagerMayActAsync(lab, cancellationToken);
        var now = clock.GetUtcNow();
        await db.CancelAsync(booking, userId, isManager, command.Reason, now, cancellationToken);
        await notices.CancelledAsync(booking, lab, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(booking.Id, cancellationToken);
    }
}
