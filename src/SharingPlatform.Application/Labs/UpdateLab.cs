using SharingPlatform.Application.ChangeRequests;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// A manager changes the lab (optimistic concurrency: a stale <see cref="Version"/> → 409). A published lab keeps its
/// approved content live: a change to it becomes a change request for an administrator (replacing any pending one),
/// while closed dates apply at once.
/// </summary>
public sealed record UpdateLab(Guid Id, uint Version, LabInput Input) : ICommand<LabView>;

public sealed class UpdateLabValidator : AbstractValidator<UpdateLab>
{
    public UpdateLabValidator() => this.ValidLabInput(c => c.Input);
}

public sealed class UpdateLabHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<UpdateLab, LabView>
{
    public async ValueTask<LabView> Handle(UpdateLab command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.Id, currentUser, cancellationToken);
        db.Entry(lab).Property(l => l.Version).OriginalValue = command.Version;
        var now = clock.GetUtcNow();
        if (lab.Status == LabStatus.Published)
        {
            var closedDates = command.Input.ToTimetable().ClosedDates;
            if (!closedDates.SequenceEqual(lab.Timetable.ClosedDates))
                lab.ChangeClosedDates(closedDates, now);
            if (LabChanges.Changes(lab, command.Input).Count > 0)
                await db.ProposeAsync(ChangeSubjectKind.Lab, lab.Id, lab.OrganizationId, LabChanges.Serialize(command.Input),
                    currentUser.RequireId(), now, cancellationToken);
        }
        else
        {
            lab.Edit(command.Input.ToDetails(), command.Input.ToTimetable(), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(lab.Id, currentUser.Id, now, cancellationToken);
    }
}
