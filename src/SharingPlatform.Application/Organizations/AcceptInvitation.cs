namespace SharingPlatform.Application.Organizations;

/// <summary>The invited person joins the organization in the invited role; answered once, within two weeks.</summary>
public sealed record AcceptInvitation(Guid InvitationId) : ICommand<Guid>;

public sealed class AcceptInvitationHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<AcceptInvitation, Guid>
{
    public async ValueTask<Guid> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (invitation, organization) = await db.LoadToAnswerAsync(command.InvitationId, userId, cancellationToken);
        invitation.Accept(organization, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return organization.Id;
    }
}
