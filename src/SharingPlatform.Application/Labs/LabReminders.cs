using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Labs;

/// <summary>Due lab session reminders (24 h and 1 h before a session still booked).</summary>
public sealed class LabReminders(IApplicationDbContext db) : IReminderNotices
{
    public IReadOnlyCollection<NotificationKind> Kinds { get; } = [NotificationKind.LabSessionReminder];

    public async Task<IReadOnlyDictionary<Guid, ReminderNotice>> DraftAsync(IReadOnlyList<Reminder> due, CancellationToken cancellationToken)
    {
        var bookingIds = due.Select(r => r.SubjectId).Distinct().ToList();
        var bookings = await db.LabBookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id))
            .Join(db.Labs, b => b.LabId, l => l.Id, (b, l) => new { Booking = b, l.Name })
            .ToDictionaryAsync(x => x.Booking.Id, cancellationToken);
        var notices = new Dictionary<Guid, ReminderNotice>();
        foreach (var reminder in due)
        {
            if (bookings.TryGetValue(reminder.SubjectId, out var found) && LabNotices.ReminderText(found.Booking, found.Name) is { } text)
                notices[reminder.Id] = new ReminderNotice(text, LabNotices.SessionsLink);
        }

        return notices;
    }
}
