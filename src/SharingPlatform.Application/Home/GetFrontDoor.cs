using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Home;

/// <summary>
/// The home page's figures, the same for anyone: published resources and labs, active circles, verified organizations.
/// </summary>
public sealed record GetFrontDoor : IQuery<FrontDoor>;

public sealed record FrontDoor(int Resources, int Labs, int Circles, int Organizations);

public sealed class GetFrontDoorHandler(IApplicationDbContext db) : IQueryHandler<GetFrontDoor, FrontDoor>
{
    public async ValueTask<FrontDoor> Handle(GetFrontDoor query, CancellationToken cancellationToken)
    {
        var resources = await db.Resources.CountAsync(r => r.Status == ResourceStatus.Published, cancellationToken);
        var labs = await db.Labs.CountAsync(l => l.Status == LabStatus.Published, cancellationToken);
        var circles = await db.Circles.CountAsync(c => c.Status == CircleStatus.Active, cancellationToken);
        var organizations = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Verified, cancellationToken);
        return new FrontDoor(resources, labs, circles, organizations);
    }
}
