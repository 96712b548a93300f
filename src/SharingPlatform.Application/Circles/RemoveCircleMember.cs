namespace SharingPlatform.Application.Circles;

/// <summary>
/// A host removes an active member, saying why; the person is told, their answers to meetings not yet started go (their
/// places to the waitlist), and they cannot join again unless a host allows it.
/// </summary>
public sealed record RemoveCircleMember(Guid CircleId, Guid UserId, string? Reason) : ICommand<MembershipView>;

public sealed class RemoveCircleMemberValidator : AbstractValidator<RemoveCircleMember>
{
    public RemoveCircleMemberValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class RemoveCircleMemberHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<RemoveCircleMember, MembershipView>
{
    public async ValueTask<MembershipView> Handle(RemoveCircleMember command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, member) = await db.BeginDecisionAsync(command.CircleId, command.UserId, currentUser, onlyTheHost: false, cancellationToken);
        caller.Circle.Remove(member, command.Reason!, now);
        await db.ReleaseAnswersAsync(notices, caller.Circle, member.UserId, now, cancellationToken);
        await notices.RemovedAsync(caller.Circle, member, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
