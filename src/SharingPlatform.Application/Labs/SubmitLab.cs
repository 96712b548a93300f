namespace SharingPlatform.Application.Labs;

/// <summary>A manager sends a draft lab to the administrators' review; only a verified organization's lab goes.</summary>
public sealed record SubmitLab(Guid Id) : ICommand<LabView>;

public sealed class SubmitLabHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SubmitLab, LabView>
{
    public async ValueTask<LabView> Handle(SubmitLab command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.Id, currentUser, cancellationToken);
        await db.RequireVerifiedAsync(lab.OrganizationId, cancellationToken);
        var now = clock.GetUtcNow();
        lab.Submit(now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(lab.Id, currentUser.Id, now, cancellationToken);
    }
}
