using SharingPlatform.Application.ChangeRequests;
using SharingPlatform.Application.Organizations;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Resources;

/// <summary>One resource: public when published by a verified organization; otherwise only to its members and administrators.</summary>
public sealed record GetResource(Guid Id) : IQuery<ResourceView>;

public sealed class GetResourceHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetResource, ResourceView>
{
    public async ValueTask<ResourceView> Handle(GetResource query, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.AsNoTracking().Include(r => r.Photos).SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken)
            ?? throw ResourceAccess.NotFound();
        var insider = currentUser.IsInRole(Roles.Administrator)
            || (currentUser.Id is { } userId && await db.IsMemberAsync(resource.OrganizationId, userId, cancellationToken));
        if (!insider && !await db.PubliclyVisible().AnyAsync(r => r.Id == query.Id, cancellationToken))
            throw ResourceAccess.NotFound();
        return await db.ViewAsync(resource, cancellationToken, showsPendingChange: insider);
    }
}

public static class ResourceViews
{
    /// <summary>The resource as its members see it; the pending change only for <paramref name="showsPendingChange"/> (members, administrators).</summary>
    public static async Task<ResourceView> ViewAsync(this IApplicationDbContext db, SharedResource resource, CancellationToken cancellationToken, bool showsPendingChange = true)
    {
        var organizationName = await db.Organizations.Where(o => o.Id == resource.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var request = showsPendingChange ? await db.PendingRequestAsync(ChangeSubjectKind.Resource, resource.Id, cancellationToken) : null;
        var pending = request is null ? null
            : new PendingChangeView(request.Id, request.SubmittedAt, ResourceChanges.Changes(resource, ResourceChanges.InputFrom(request.ProposedContent)));
        var rating = await db.RatingAsync(ReviewedListing.Resource, resource.Id, cancellationToken);
        return ResourceView.From(resource, organizationName) with { PendingChange = pending, Rating = rating };
    }
}
