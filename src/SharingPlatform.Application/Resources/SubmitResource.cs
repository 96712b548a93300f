namespace SharingPlatform.Application.Resources;

/// <summary>A member sends a draft to the administrators' review.</summary>
public sealed record SubmitResource(Guid Id) : ICommand<ResourceView>;

public sealed class SubmitResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SubmitResource, ResourceView>
{
    public async ValueTask<ResourceView> Handle(SubmitResource command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForMemberAsync(command.Id, currentUser, cancellationToken);
        await db.RequireVerifiedAsync(resource.OrganizationId, cancellationToken);
        resource.Submit(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(resource, cancellationToken);
    }
}
