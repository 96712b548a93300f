namespace SharingPlatform.Application.Resources;

/// <summary>A member takes a resource off the platform for good.</summary>
public sealed record ArchiveResource(Guid Id) : ICommand<ResourceView>;

public sealed class ArchiveResourceHandler(IApplicationDbContext db, ICurrentUser currentUser) : ICommandHandler<ArchiveResource, ResourceView>
{
    public async ValueTask<ResourceView> Handle(ArchiveResource command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForMemberAsync(command.Id, currentUser, cancellationToken);
        resource.Archive();
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(resource, cancellationToken);
    }
}
