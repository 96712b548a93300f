namespace SharingPlatform.Application.Organizations;

/// <summary>The invited person says no; the owners see the invitation gone and may invite again.</summary>
public sealed record DeclineInvitation(Guid InvitationId) : ICommand;

public sealed class DeclineInvitationHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<DeclineInvitation>
{
    public async ValueTask<Unit> Handle(DeclineInvitation command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (invitation, _) = await db.LoadToAnswerAsync(command.InvitationId, currentUser.RequireId(), cancellationToken);
        invitation.Decline(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
