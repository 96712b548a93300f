namespace SharingPlatform.Application.Organizations;

/// <summary>
/// An owner removes a member, or a member leaves (removes themself); the last owner stays. Everything the membership
/// gave goes in the same transaction: the person stops managing the organization's labs.
/// </summary>
public sealed record RemoveOrganizationMember(Guid OrganizationId, Guid UserId) : ICommand;

public sealed class RemoveOrganizationMemberHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveOrganizationMember>
{
    public async ValueTask<Unit> Handle(RemoveOrganizationMember command, CancellationToken cancellationToken)
    {
        // Two owners removing each other at once would each see another owner left and leave none: removals from one
        // organization take its row lock first, so the second one sees the first one's outcome.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockOrganizationAsync(command.OrganizationId, cancellationToken);
        var organization = command.UserId == currentUser.RequireId()
            ? await db.LoadForMemberAsync(command.OrganizationId, currentUser, cancellationToken)
            : await db.LoadForOwnerAsync(command.OrganizationId, currentUser, cancellationToken);
        organization.RemoveMember(command.UserId);
        var now = clock.GetUtcNow();
        foreach (var lab in await db.Labs.Where(l => l.OrganizationId == command.OrganizationId && l.ManagerIds.Contains(command.UserId)).ToListAsync(cancellationToken))
            lab.DropManager(command.UserId, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
