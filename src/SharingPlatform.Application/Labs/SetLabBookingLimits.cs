namespace SharingPlatform.Application.Labs;

/// <summary>
/// A manager sets the lab's fairness limits: the horizon in days (1–365), the minimum notice in minutes (0–129600) and the
/// active sessions one person may hold (1–100). Operational settings: allowed in any status, no review involved.
/// </summary>
public sealed record SetLabBookingLimits(Guid LabId, LabBookingLimits Limits) : ICommand<LabView>;

public sealed class SetLabBookingLimitsValidator : AbstractValidator<SetLabBookingLimits>
{
    public SetLabBookingLimitsValidator()
    {
        RuleFor(c => c.Limits).NotNull();
        RuleFor(c => c.Limits.HorizonDays).InclusiveBetween(1, 365).OverridePropertyName("horizonDays").When(c => c.Limits is not null);
        RuleFor(c => c.Limits.MinNoticeMinutes).InclusiveBetween(0, 60 * 24 * 90).OverridePropertyName("minNoticeMinutes").When(c => c.Limits is not null);
        RuleFor(c => c.Limits.MaxActiveSessionsPerPerson).InclusiveBetween(1, 100).OverridePropertyName("maxActiveSessionsPerPerson").When(c => c.Limits is not null);
    }
}

public sealed class SetLabBookingLimitsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetLabBookingLimits, LabView>
{
    public async ValueTask<LabView> Handle(SetLabBookingLimits command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        lab.SetBookingLimits(command.Limits.HorizonDays, command.Limits.MinNoticeMinutes, command.Limits.MaxActiveSessionsPerPerson, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(lab.Id, currentUser.Id, now, cancellationToken);
    }
}
