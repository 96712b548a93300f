using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>The open invitations to the signed-in person's confirmed email, newest first.</summary>
public sealed record ListMyInvitations : IQuery<IReadOnlyList<MyInvitationView>>;

public sealed record MyInvitationView(Guid Id, Guid OrganizationId, string OrganizationName, MemberRole Role, string InvitedBy, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

public sealed class ListMyInvitationsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyInvitations, IReadOnlyList<MyInvitationView>>
{
    public async ValueTask<IReadOnlyList<MyInvitationView>> Handle(ListMyInvitations query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.AddressedTo(currentUser.RequireId()).AsNoTracking()
            .Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .OrderByDescending(i => i.InvitedAt)
            .Take(100)
            .Select(i => new MyInvitationView(
                i.Id, i.OrganizationId,
                db.Organizations.Where(o => o.Id == i.OrganizationId).Select(o => o.Name).Single(),
                i.Role,
                db.Users.Where(u => u.Id == i.InvitedBy).Select(u => u.DisplayName).Single(),
                i.InvitedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }
}
