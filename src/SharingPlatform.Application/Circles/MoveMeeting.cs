using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// A host moves a meeting that has not started, perhaps to another place (text, or one of their bookings; give neither to keep the place).
/// Those who answered are told; the reminders of those going move with it. The meeting's row is locked.
/// </summary>
public sealed record MoveMeeting(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, Guid? BookingId) : ICommand<MeetingView>;

public sealed class MoveMeetingValidator : AbstractValidator<MoveMeeting>
{
    public MoveMeetingValidator()
    {
        RuleFor(c => c.EndsAt).GreaterThan(c => c.StartsAt);
        RuleFor(c => c.Place).MaximumLength(Meeting.PlaceMaxLength);
    }
}

public sealed class MoveMeetingHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<MoveMeeting, MeetingView>
{
    public async ValueTask<MeetingView> Handle(MoveMeeting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockMeetingAsync(command.Id, cancellationToken);
            var (meeting, caller) = await db.MeetingCallerAsync(command.Id, currentUser, track: true, cancellationToken);
            var hostId = caller.RequireActiveHost();
            var place = command.Place is null && command.BookingId is null
                ? await db.CurrentPlaceAsync(meeting, cancellationToken)
                : await db.PlaceAsync(command.Place, command.BookingId, cancellationToken);
            meeting.Move(new Period(command.StartsAt, command.EndsAt), place, hostId, now);
            await notices.MovedAsync(caller.Circle.Title, meeting, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.MeetingViewAsync(command.Id, currentUser, cancellationToken);
    }
}
