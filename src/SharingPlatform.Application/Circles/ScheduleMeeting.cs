using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// A host schedules a meeting: a place as text, or one of their own bookings of a shared resource (the meeting within
/// its time, the capacity within the room's). The circle's other members are told.
/// </summary>
public sealed record ScheduleMeeting(
    Guid CircleId, string Title, string? Agenda, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, string? Place, Guid? BookingId)
    : ICommand<MeetingView>;

public sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeeting>
{
    public ScheduleMeetingValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Meeting.TitleMaxLength);
        RuleFor(c => c.Agenda).MaximumLength(Meeting.AgendaMaxLength);
        RuleFor(c => c.EndsAt).GreaterThan(c => c.StartsAt);
        RuleFor(c => c.Capacity).InclusiveBetween(1, Meeting.MaxCapacity);
        RuleFor(c => c.Place).MaximumLength(Meeting.PlaceMaxLength);
        RuleFor(c => c.Place).NotEmpty().When(c => c.BookingId is null);
    }
}

public sealed class ScheduleMeetingHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<ScheduleMeeting, MeetingView>
{
    public async ValueTask<MeetingView> Handle(ScheduleMeeting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var caller = await db.CircleCallerAsync(command.CircleId, currentUser, track: false, cancellationToken);
        var hostId = caller.RequireActiveHost();
        var place = await db.PlaceAsync(command.Place, command.BookingId, cancellationToken);
        var meeting = Meeting.Schedule(caller.Circle, hostId, command.Title, command.Agenda, new Period(command.StartsAt, command.EndsAt),
            command.Capacity, place, now);
        db.Meetings.Add(meeting);
        await notices.ScheduledAsync(caller.Circle, meeting, hostId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.MeetingViewAsync(meeting, caller, cancellationToken);
    }
}
