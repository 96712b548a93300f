namespace SharingPlatform.Application.Circles;

/// <summary>A member leaves (or withdraws a request); their answers to meetings not yet started go, and their places to the waitlist.</summary>
public sealed record LeaveCircle(Guid Id) : ICommand<MembershipView>;

public sealed class LeaveCircleHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<LeaveCircle, MembershipView>
{
    public async ValueTask<MembershipView> Handle(LeaveCircle command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCircleAsync(command.Id, cancellationToken);
        var caller = await db.CircleCallerAsync(command.Id, currentUser, track: true, cancellationToken);
        var member = caller.Membership ?? throw CircleAccess.MemberNotFound();
        caller.Circle.Leave(member, now);
        await db.ReleaseAnswersAsync(notices, caller.Circle, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
