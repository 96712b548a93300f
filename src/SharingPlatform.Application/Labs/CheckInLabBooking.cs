namespace SharingPlatform.Application.Labs;

/// <summary>A lab manager checks the booker in, from 15 minutes before the slot until its end.</summary>
public sealed record CheckInLabBooking(Guid Id) : ICommand<LabBookingView>;

public sealed class CheckInLabBookingHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CheckInLabBooking, LabBookingView>
{
    public async ValueTask<LabBookingView> Handle(CheckInLabBooking command, CancellationToken cancellationToken)
    {
        var (booking, lab, userId, isManager) = await db.LoadBookingAsync(command.Id, currentUser, cancellationToken);
        if (!isManager)
            throw LabAccess.NotManager();
        await db.RequireManagerMayActAsync(lab, cancellationToken);
        var now = clock.GetUtcNow();
        booking.CheckIn(userId, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(booking.Id, cancellationToken);
    }
}
