using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Bookings;

/// <summary>Due booking reminders (24 h and 1 h before a confirmed booking) and nudges (a request pending for 24 h).</summary>
public sealed class BookingReminders(IApplicationDbContext db) : IReminderNotices
{
    public IReadOnlyCollection<NotificationKind> Kinds { get; } = [NotificationKind.BookingReminder, NotificationKind.BookingStillPending];

    public async Task<IReadOnlyDictionary<Guid, ReminderNotice>> DraftAsync(IReadOnlyList<Reminder> due, CancellationToken cancellationToken)
    {
        var bookingIds = due.Select(r => r.SubjectId).Distinct().ToList();
        var bookings = await db.Bookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id))
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { Booking = b, r.Title })
            .ToDictionaryAsync(x => x.Booking.Id, cancellationToken);
        var notices = new Dictionary<Guid, ReminderNotice>();
        foreach (var reminder in due)
        {
            if (bookings.TryGetValue(reminder.SubjectId, out var found)
                && BookingNotices.ReminderText(reminder.Kind, found.Booking, found.Title) is { } text)
                notices[reminder.Id] = new ReminderNotice(text, BookingNotices.Link(found.Booking));
        }

        return notices;
    }
}
