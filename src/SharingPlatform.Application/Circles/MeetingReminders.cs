using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>Due meeting reminders (24 h before): only to a member still going to a meeting still scheduled in a circle not suspended.</summary>
public sealed class MeetingReminders(IApplicationDbContext db) : IReminderNotices
{
    public IReadOnlyCollection<NotificationKind> Kinds { get; } = [NotificationKind.MeetingReminder];

    public async Task<IReadOnlyDictionary<Guid, ReminderNotice>> DraftAsync(IReadOnlyList<Reminder> due, CancellationToken cancellationToken)
    {
        var meetingIds = due.Select(r => r.SubjectId).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => meetingIds.Contains(m.Id) && m.Status == MeetingStatus.Scheduled)
            .Join(db.Circles.Where(c => c.Status == CircleStatus.Active), m => m.CircleId, c => c.Id, (m, c) => new
            {
                Meeting = m,
                CircleTitle = c.Title,
                Resource = db.Bookings.Where(b => b.Id == m.BookingId).Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => r.Title).FirstOrDefault(),
            })
            .ToDictionaryAsync(x => x.Meeting.Id, cancellationToken);
        var going = (await db.Rsvps.AsNoTracking()
                .Where(r => meetingIds.Contains(r.MeetingId) && r.Status == RsvpStatus.Going)
                .Select(r => new { r.MeetingId, r.UserId })
                .ToListAsync(cancellationToken))
            .Select(r => (r.MeetingId, r.UserId)).ToHashSet();
        var notices = new Dictionary<Guid, ReminderNotice>();
        foreach (var reminder in due)
        {
            if (meetings.TryGetValue(reminder.SubjectId, out var found) && going.Contains((reminder.SubjectId, reminder.RecipientId)))
            {
                var place = found.Resource is null ? found.Meeting.Place : $"{found.Resource} {found.Meeting.Place}".Trim();
                notices[reminder.Id] = new ReminderNotice(CircleNotices.ReminderText(found.CircleTitle, found.Meeting, place), CircleNotices.MeetingLink(found.Meeting.Id));
            }
        }

        return notices;
    }
}
