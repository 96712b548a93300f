using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>The organization's invitations not yet answered, for its owners: who, in which role, until when.</summary>
public sealed record ListOrganizationInvitations(Guid OrganizationId) : IQuery<IReadOnlyList<InvitationView>>;

public sealed record InvitationView(Guid Id, string Email, MemberRole Role, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, bool Expired);

public sealed class ListOrganizationInvitationsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListOrganizationInvitations, IReadOnlyList<InvitationView>>
{
    public async ValueTask<IReadOnlyList<InvitationView>> Handle(ListOrganizationInvitations query, CancellationToken cancellationToken)
    {
        await db.RequireOwnerAsync(query.OrganizationId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        return await db.OrganizationInvitations.AsNoTracking()
            .Where(i => i.OrganizationId == query.OrganizationId && i.Status == InvitationStatus.Pending)
            .OrderByDescending(i => i.InvitedAt)
            .Select(i => new InvitationView(i.Id, i.Email, i.Role, i.InvitedAt, i.ExpiresAt, i.ExpiresAt <= now))
            .ToListAsync(cancellationToken);
    }
}
