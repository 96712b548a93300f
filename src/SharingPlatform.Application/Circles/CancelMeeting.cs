namespace SharingPlatform.Application.Circles;

/// <summary>A host cancels a meeting before it starts; those who answered are told and every reminder of it goes (row locked).</summary>
public sealed record CancelMeeting(Guid Id, string? Reason) : ICommand<MeetingView>;

public sealed class CancelMeetingValidator : AbstractValidator<CancelMeeting>
{
    public CancelMeetingValidator() => RuleFor(c => c.Reason).MaximumLength(1000);
}

public sealed class CancelMeetingHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<CancelMeeting, MeetingView>
{
    public async ValueTask<MeetingView> Handle(CancelMeeting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockMeetingAsync(command.Id, cancellationToken);
            var (meeting, caller) = await db.MeetingCallerAsync(command.Id, currentUser, track: true, cancellationToken);
            caller.RequireActiveHost();
            meeting.Cancel(command.Reason, now);
            await notices.CancelledAsync(caller.Circle.Title, meeting, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.MeetingViewAsync(command.Id, currentUser, cancellationToken);
    }
}
