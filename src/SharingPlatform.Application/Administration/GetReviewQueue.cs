using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Labs;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Application.Administration;

/// <summary>What waits for an administrator: organizations to verify and resources to review, oldest first.</summary>
public sealed record GetReviewQueue : IQuery<ReviewQueue>;

public sealed record ReviewQueue(IReadOnlyList<QueuedOrganization> Organizations, IReadOnlyList<QueuedResource> Resources, IReadOnlyList<QueuedLab> Labs);

public sealed record QueuedOrganization(Guid Id, string Name, OrganizationKind Kind, string Municipality, DateTimeOffset RegisteredAt);

public sealed record QueuedResource(Guid Id, string Title, Guid OrganizationId, string OrganizationName, ResourceCategory Category, DateTimeOffset UpdatedAt);

public sealed record QueuedLab(Guid Id, string Name, Guid OrganizationId, string OrganizationName, string Municipality, DateTimeOffset UpdatedAt);

public sealed class GetReviewQueueHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetReviewQueue, ReviewQueue>
{
    public async ValueTask<ReviewQueue> Handle(GetReviewQueue query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Pending)
            .OrderBy(o => o.RegisteredAt)
            .Select(o => new QueuedOrganization(o.Id, o.Name, o.Kind, o.Municipality, o.RegisteredAt))
            .Take(200)
            .ToListAsync(cancellationToken);
        var resources = await db.Resources.AsNoTracking()
            .Where(r => r.Status == ResourceStatus.PendingReview)
            .OrderBy(r => r.UpdatedAt)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id,
                (r, o) => new QueuedResource(r.Id, r.Title, o.Id, o.Name, r.Category, r.UpdatedAt))
            .Take(200)
            .ToListAsync(cancellationToken);
        var labs = await db.Labs.AsNoTracking()
            .Where(l => l.Status == LabStatus.PendingReview)
            .OrderBy(l => l.UpdatedAt)
            .Join(db.Organizations, l => l.OrganizationId, o => o.Id,
                (l, o) => new QueuedLab(l.Id, l.Name, o.Id, o.Name, l.Municipality, l.UpdatedAt))
            .Take(200)
            .ToListAsync(cancellationToken);
        return new ReviewQueue(organizations, resources, labs);
    }
}
