namespace SharingPlatform.Application.Organizations;

/// <summary>An owner withdraws a pending invitation before it is answered.</summary>
public sealed record CancelInvitation(Guid OrganizationId, Guid InvitationId) : ICommand;

public sealed class CancelInvitationHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CancelInvitation>
{
    public async ValueTask<Unit> Handle(CancelInvitation command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockOrganizationAsync(command.OrganizationId, cancellationToken);
        var organization = await db.LoadForOwnerAsync(command.OrganizationId, currentUser, cancellationToken);
        var invitation = await db.OrganizationInvitations
            .SingleOrDefaultAsync(i => i.Id == command.InvitationId && i.OrganizationId == organization.Id, cancellationToken)
            ?? throw InvitationAccess.NotFound();
        invitation.Cancel(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
