using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>An invitation is seen and answered only by the person whose confirmed email it was sent to; anyone else gets 404.</summary>
public static class InvitationAccess
{
    public static Exception NotFound() => new NotFoundException(Texts.Get("NoSuchInvitation"));

    /// <summary>The invitations addressed to the signed-in person's confirmed email.</summary>
    public static IQueryable<OrganizationInvitation> AddressedTo(this IApplicationDbContext db, Guid userId) =>
        db.OrganizationInvitations.Where(i => db.Users.Any(u => u.Id == userId && u.EmailConfirmed && u.NormalizedEmail == i.NormalizedEmail));

    /// <summary>
    /// Loads the caller's invitation (tracked) and its organization with its members, after taking the organization's row
    /// lock, so answers and membership changes of one organization happen one after the other.
    /// </summary>
    public static async Task<(OrganizationInvitation Invitation, Organization Organization)> LoadToAnswerAsync(
        this IApplicationDbContext db, Guid invitationId, Guid userId, CancellationToken cancellationToken)
    {
        var organizationId = await db.AddressedTo(userId).Where(i => i.Id == invitationId).Select(i => (Guid?)i.OrganizationId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        await db.LockOrganizationAsync(organizationId, cancellationToken);
        var invitation = await db.OrganizationInvitations.SingleAsync(i => i.Id == invitationId, cancellationToken);
        var organization = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Id == organizationId, cancellationToken);
        return (invitation, organization);
    }
}
