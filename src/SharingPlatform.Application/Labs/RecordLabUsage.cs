namespace SharingPlatform.Application.Labs;

/// <summary>
/// A lab manager confirms a checked-in session's usage and completes it: minutes per piece of equipment (a piece not named
/// was used for the whole slot). The usage log feeds the statistics (<see cref="GetLabUsage"/>).
/// </summary>
public sealed record RecordLabUsage(Guid Id, IReadOnlyList<EquipmentUsage>? Usage) : ICommand<LabBookingView>;

public sealed record EquipmentUsage(Guid EquipmentId, int Minutes);

public sealed class RecordLabUsageValidator : AbstractValidator<RecordLabUsage>
{
    public RecordLabUsageValidator() =>
        RuleFor(c => c.Usage).Must(u => u is null || u.Select(x => x.EquipmentId).Distinct().Count() == u.Count)
            .WithMessage(_ => Texts.Get("EquipmentNamedTwice"));
}

public sealed class RecordLabUsageHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordLabUsage, LabBookingView>
{
    public async ValueTask<LabBookingView> Handle(RecordLabUsage command, CancellationToken cancellationToken)
    {
        var (booking, lab, userId, isManager) = await db.LoadBookingAsync(command.Id, currentUser, cancellationToken);
        if (!isManager)
            throw LabAccess.NotManager();
        await db.RequireManagerMayActAsync(lab, cancellationToken);
        booking.RecordUsage(userId, (command.Usage ?? []).ToDictionary(u => u.EquipmentId, u => u.Minutes), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(booking.Id, cancellationToken);
    }
}
