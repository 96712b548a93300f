using FluentValidation;
using Mediator;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Labs;

/// <summary>A manager changes the lab (optimistic concurrency: a stale <see cref="Version"/> → 409).</summary>
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
        lab.Edit(command.Input.ToDetails(), command.Input.ToTimetable(), now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(lab.Id, currentUser.Id, now, cancellationToken);
    }
}
