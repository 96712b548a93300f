namespace SharingPlatform.Application.Circles;

/// <summary>One meeting with its counts and the caller's answer (waitlist position); who is going to members, the waitlist to hosts.</summary>
public sealed record GetMeeting(Guid Id) : IQuery<MeetingView>;

public sealed class GetMeetingHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeeting, MeetingView>
{
    public async ValueTask<MeetingView> Handle(GetMeeting query, CancellationToken cancellationToken) =>
        await db.MeetingViewAsync(query.Id, currentUser, cancellationToken);
}
