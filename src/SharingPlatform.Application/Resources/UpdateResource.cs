using SharingPlatform.Application.ChangeRequests;

namespace SharingPlatform.Application.Resources;

/// <summary>
/// A member edits a resource. <see cref="Version"/> is the version they read: if someone saved since, the edit is
/// refused with 409 and the newer data stays. A published resource keeps its approved content live: a change to it
/// becomes a change request for an administrator (replacing any pending one), while closed dates apply at once.
/// </summary>
public sealed record UpdateResource(Guid Id, uint Version, ResourceInput Input) : ICommand<ResourceView>;

public sealed class UpdateResourceValidator : AbstractValidator<UpdateResource>
{
    public UpdateResourceValidator() => this.ValidResourceInput(c => c.Input);
}

public sealed class UpdateResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateResource, ResourceView>
{
    public async ValueTask<ResourceView> Handle(UpdateResource command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForMemberAsync(command.Id, currentUser, cancellationToken);
        if (resource.Version != command.Version)
            throw new ConflictException(Texts.Get("ResourceChangedMeanwhile"));

        // Also checked by PostgreSQL (xmin) when two edits race past the check above.
        db.Entry(resource).Property(r => r.Version).OriginalValue = command.Version;
        var now = clock.GetUtcNow();
        if (resource.Status == ResourceStatus.Published)
        {
            var closedDates = command.Input.Policy.ToPolicy().ClosedDates;
            if (!closedDates.SequenceEqual(resource.Policy.ClosedDates))
                resource.ChangeClosedDates(closedDates, now);
            if (ResourceChanges.Changes(resource, command.Input).Count > 0)
                await db.ProposeAsync(ChangeSubjectKind.Resource, resource.Id, resource.OrganizationId, ResourceChanges.Serialize(command.Input),
                    currentUser.RequireId(), now, cancellationToken);
        }
        else
        {
            resource.Edit(command.Input.ToDetails(), command.Input.Policy.ToPolicy(), now, command.Input.Lending?.ToLending());
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(resource, cancellationToken);
    }
}
