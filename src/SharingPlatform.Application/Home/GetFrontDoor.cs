using SharingPlatform.Application.Circles;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Home;

/// <summary>
/// The home page's part that is the same for anyone: the figures (published resources and labs, active circles,
/// verified organizations) and the next <see cref="GetFrontDoorHandler.MeetingsShown"/> meetings of active circles,
/// without anybody's answers, so that one answer serves every visitor.
/// </summary>
public sealed record GetFrontDoor : IQuery<FrontDoor>;

public sealed record FrontDoor(int Resources, int Labs, int Circles, int Organizations, IReadOnlyList<MeetingSummary> NextMeetings);

public sealed class GetFrontDoorHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetFrontDoor, FrontDoor>
{
    public const int MeetingsShown = 4;

    public async ValueTask<FrontDoor> Handle(GetFrontDoor query, CancellationToken cancellationToken)
    {
        var resources = await db.Resources.CountAsync(r => r.Status == ResourceStatus.Published, cancellationToken);
        var labs = await db.Labs.CountAsync(l => l.Status == LabStatus.Published, cancellationToken);
        var circles = await db.Circles.CountAsync(c => c.Status == CircleStatus.Active, cancellationToken);
        var organizations = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Verified, cancellationToken);
        var now = clock.GetUtcNow();
        var meetings = await db.MeetingSummaries(db.UpcomingMeetings(db.Circles.Where(c => c.Status == CircleStatus.Active), now).Take(MeetingsShown))
            .ToListAsync(cancellationToken);
        return new FrontDoor(resources, labs, circles, organizations, meetings);
    }
}
