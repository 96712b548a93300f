using SharingPlatform.Domain.Proposals;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Application.Proposals;

/// <summary>
/// A proposal as anyone sees it; <see cref="MySupport"/> is false for someone signed out. <see cref="Suspended"/> is
/// true only for the proposer and administrators, the only ones who still see a suspended proposal.
/// </summary>
public sealed record ProposalView(
    Guid Id, string Title, string Description, ResourceCategory Category, string Municipality, int SupportCount, bool MySupport,
    ProposalStatus Status, string? StatusReason, Guid? ResourceId, DateTimeOffset CreatedAt, bool Suspended);

public static class ProposalAccess
{
    public static NotFoundException NotFound() => new(Texts.Get("NoSuchProposal"));

    public static IQueryable<ProposalView> Views(this IApplicationDbContext db, IQueryable<Proposal> proposals, Guid? userId) =>
        proposals.Select(p => new ProposalView(
            p.Id, p.Title, p.Description, p.Category, p.Municipality,
            db.ProposalSupports.Count(s => s.ProposalId == p.Id),
            userId != null && db.ProposalSupports.Any(s => s.ProposalId == p.Id && s.UserId == userId),
            p.Status, p.StatusReason, p.ResourceId, p.CreatedAt, p.Standing == ContentStanding.Suspended));

    /// <summary>What <paramref name="currentUser"/> may see: suspended proposals only their proposer and administrators.</summary>
    public static IQueryable<Proposal> VisibleTo(this IQueryable<Proposal> proposals, ICurrentUser currentUser)
    {
        if (currentUser.IsInRole(Roles.Administrator))
            return proposals;
        var userId = currentUser.Id;
        return proposals.Where(p => p.Standing == ContentStanding.Shown || p.ProposerId == userId);
    }

    /// <summary>The proposal's row, locked (<c>FOR UPDATE</c>): a take-up and an administrator's decision take turns, and the later is refused.</summary>
    public static async Task<Proposal> LockProposalAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Proposals.FromSql($"SELECT * FROM proposals WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();

    public static async Task<ProposalView> ViewAsync(this IApplicationDbContext db, Guid id, Guid? userId, CancellationToken cancellationToken) =>
        await db.Views(db.Proposals.AsNoTracking().Where(p => p.Id == id), userId).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFound();
}
