using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Home;

/// <summary>
/// The home page's figures for anyone (published resources and labs, active circles, verified organizations) and, for a
/// signed-in member of an organization, how many booking requests wait for their organizations.
/// </summary>
public sealed record GetFrontDoor : IQuery<FrontDoor>;

public sealed record FrontDoor(int Resources, int Labs, int Circles, int Organizations, bool IsOrganizationMember, int WaitingRequests);

public sealed class GetFrontDoorHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetFrontDoor, FrontDoor>
{
    public async ValueTask<FrontDoor> Handle(GetFrontDoor query, CancellationToken cancellationToken)
    {
        var resources = await db.Resources.CountAsync(r => r.Status == ResourceStatus.Published, cancellationToken);
        var labs = await db.Labs.CountAsync(l => l.Status == LabStatus.Published, cancellationToken);
        var circles = await db.Circles.CountAsync(c => c.Status == CircleStatus.Active, cancellationToken);
        var organizations = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Verified, cancellationToken);
        if (currentUser.Id is not { } userId)
            return new FrontDoor(resources, labs, circles, organizations, false, 0);

        var member = await db.OrganizationMembers.AnyAsync(m => m.UserId == userId, cancellationToken);
        var waiting = member
            ? await db.Bookings.CountAsync(b => b.Status == BookingStatus.Pending && db.Resources.Any(r =>
                r.Id == b.ResourceId && db.OrganizationMembers.Any(m => m.OrganizationId == r.OrganizationId && m.UserId == userId)), cancellationToken)
            : 0;
        return new FrontDoor(resources, labs, circles, organizations, member, waiting);
    }
}
