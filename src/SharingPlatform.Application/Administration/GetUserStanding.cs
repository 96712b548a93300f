using SharingPlatform.Application.Moderation;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Administration;

/// <summary>One person as an administrator sees them: profile, suspension, booking pause, what they hold ahead, and the latest decisions about them.</summary>
public sealed record GetUserStanding(Guid Id) : IQuery<UserStanding>;

public sealed record UserStanding(
    Guid Id, string DisplayName, string Email, bool EmailConfirmed, Language PreferredLanguage, DateTimeOffset RegisteredAt, bool IsAdministrator,
    string Status, DateTimeOffset? SuspendedAt, string? SuspensionReason, DateTimeOffset? BookingPausedUntil,
    int FutureBookings, int FutureLabSessions, int FutureRsvps, IReadOnlyList<AuditEntryView> RecentDecisions);

public sealed class GetUserStandingHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetUserStanding, UserStanding>
{
    public const int RecentDecisionCount = 10;

    public async ValueTask<UserStanding> Handle(GetUserStanding query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == query.Id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.PreferredLanguage, u.RegisteredAt, u.SuspendedAt, u.SuspensionReason, u.BookingPausedUntil })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Texts.Get("NoSuchUser"));
        var isAdministrator = await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator), cancellationToken);
        var bookings = await db.Bookings.Holding().CountAsync(b => b.BookerId == user.Id && b.StartsAt > now, cancellationToken);
        var labSessions = await db.LabBookings.CountAsync(b => b.BookerId == user.Id && b.Status == LabBookingStatus.Booked && b.SlotStartsAt > now, cancellationToken);
        var rsvps = await db.Rsvps
            .Where(r => r.UserId == user.Id && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted))
            .Join(db.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.StartsAt > now), r => r.MeetingId, m => m.Id, (r, m) => r)
            .CountAsync(cancellationToken);
        var decisions = await db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == "user" && a.SubjectId == user.Id)
            .Join(db.Users, a => a.ActorId, u => u.Id, (a, u) => new { Entry = a, ActorName = u.DisplayName })
            .OrderByDescending(x => x.Entry.Id)
            .Take(RecentDecisionCount)
            .Select(x => new AuditEntryView(
                x.Entry.Id, x.Entry.At, x.Entry.ActorId, x.ActorName, x.Entry.Action, x.Entry.SubjectType, x.Entry.SubjectId, x.Entry.Reason, x.Entry.Before, x.Entry.After))
            .ToListAsync(cancellationToken);
        return new UserStanding(
            user.Id, user.DisplayName, user.Email ?? "", user.EmailConfirmed, user.PreferredLanguage, user.RegisteredAt, isAdministrator,
            user.SuspendedAt is null ? UserStates.Active : UserStates.Suspended, user.SuspendedAt, user.SuspensionReason,
            user.BookingPausedUntil > now ? user.BookingPausedUntil : null, bookings, labSessions, rsvps, decisions);
    }
}
