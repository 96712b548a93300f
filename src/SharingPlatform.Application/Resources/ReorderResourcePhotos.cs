namespace SharingPlatform.Application.Resources;

/// <summary>A member puts a resource's photos in a new order; the first is the one search results show.</summary>
public sealed record ReorderResourcePhotos(Guid ResourceId, IReadOnlyList<Guid> PhotoIds) : ICommand<ResourceView>;

public sealed class ReorderResourcePhotosHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : ICommandHandler<ReorderResourcePhotos, ResourceView>
{
    public async ValueTask<ResourceView> Handle(ReorderResourcePhotos command, CancellationToken cancellationToken)
    {
        await db.RequireMemberToChangeAsync(command.ResourceId, currentUser, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resource = await db.LockWithPhotosAsync(command.ResourceId, cancellationToken);
        resource.ReorderPhotos(command.PhotoIds ?? []);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(resource, cancellationToken);
    }
}
