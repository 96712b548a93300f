namespace SharingPlatform.Application.Labs;

/// <summary>One lab with its equipment: anyone for a published lab; its organization and administrators in every state.</summary>
public sealed record GetLab(Guid Id) : IQuery<LabView>;

public sealed class GetLabHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetLab, LabView>
{
    public async ValueTask<LabView> Handle(GetLab query, CancellationToken cancellationToken)
    {
        if (!await db.VisibleTo(currentUser.Id, currentUser.IsAdministrator()).AnyAsync(l => l.Id == query.Id, cancellationToken))
            throw LabAccess.NotFound();
        return await db.ViewAsync(query.Id, currentUser.Id, clock.GetUtcNow(), cancellationToken);
    }
}
