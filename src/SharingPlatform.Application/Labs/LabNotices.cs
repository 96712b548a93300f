using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Labs;

/// <summary>What people are told, and reminded of, about lab sessions and qualifications; written in the transaction of the change.</summary>
public sealed class LabNotices(Notifier notifier, IApplicationDbContext db)
{
    /// <summary>Reminders before a session; none that would be due before it was booked.</summary>
    public static readonly TimeSpan[] RemindBefore = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>A booker's notices lead to their lab sessions ("my lab sessions" lists each with its state).</summary>
    public const string SessionsLink = "/Labs/Mine";

    public static string LabLink(Guid labId) => $"/Labs/Details/{labId}";

    public static string ConsoleLink(Guid labId) => $"/Labs/Manage/{labId}";

    /// <summary>The booker is told the session is booked, and reminded 24 h and 1 h before it.</summary>
    public async Task BookedAsync(LabBooking booking, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var booker = await notifier.PeopleAsync([booking.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.LabSessionBooked, booking.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_LabSessionBooked_Title", lab.Name),
            Texts.Get(language, "Notice_LabSessionBooked_Body", lab.Name, When(booking, language))),
            SessionsLink, now);
        foreach (var before in RemindBefore)
        {
            var due = booking.SlotStartsAt - before;
            if (due > now)
                notifier.Schedule(booking.BookerId, NotificationKind.LabSessionReminder, booking.Id, due, now);
        }
    }

    /// <summary>A cancelled session loses its reminders; the other side is told (the managers when the booker cancelled, else the booker).</summary>
    public async Task CancelledAsync(LabBooking booking, Lab lab, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        var reason = booking.StatusReason;
        if (by == booking.BookerId)
        {
            var managers = await notifier.PeopleAsync(await db.CurrentManagerIdsAsync(lab, cancellationToken), cancellationToken);
            var booker = (await notifier.PeopleAsync([booking.BookerId], cancellationToken)).SingleOrDefault()?.DisplayName;
            notifier.Notify(managers, NotificationKind.LabSessionCancelled, booking.Id, now, language => new NoticeText(
                Texts.Get(language, "Notice_LabSessionCancelledByBooker_Title", lab.Name),
                Texts.Get(language, "Notice_LabSessionCancelledByBooker_Body", booker, lab.Name, When(booking, language), NoticeText.Reasoned(language, reason))),
                ConsoleLink(lab.Id), now);
            return;
        }

        notifier.Notify(await notifier.PeopleAsync([booking.BookerId], cancellationToken), NotificationKind.LabSessionCancelled, booking.Id, now,
            language => new NoticeText(Texts.Get(language, "Notice_LabSessionCancelledByManager_Title", lab.Name),
                Texts.Get(language, "Notice_LabSessionCancelledByManager_Body", lab.Name, When(booking, language), NoticeText.Reasoned(language, reason))),
            SessionsLink, now);
    }

    /// <summary>The booker's account was suspended and an administrator cancelled their session: its reminders go, the managers are told why.</summary>
    public async Task BookerSuspendedAsync(LabBooking booking, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        var managers = await notifier.PeopleAsync(await db.CurrentManagerIdsAsync(lab, cancellationToken), cancellationToken);
        var booker = (await notifier.PeopleAsync([booking.BookerId], cancellationToken)).SingleOrDefault()?.DisplayName;
        notifier.Notify(managers, NotificationKind.LabSessionCancelled, booking.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_LabSessionCancelledBookerSuspended_Title", lab.Name),
            Texts.Get(language, "Notice_LabSessionCancelledBookerSuspended_Body", booker, lab.Name, When(booking, language), NoticeText.Reasoned(language, Texts.Get(language, "BookerAccountSuspended")))),
            ConsoleLink(lab.Id), now);
    }

    public async Task NoShowAsync(LabBooking booking, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        notifier.Notify(await notifier.PeopleAsync([booking.BookerId], cancellationToken), NotificationKind.LabNoShowRecorded, booking.Id, now,
            language => new NoticeText(Texts.Get(language, "Notice_LabNoShowRecorded_Title", lab.Name),
                Texts.Get(language, "Notice_LabNoShowRecorded_Body", lab.Name, When(booking, language), User.NoShowsBeforePause, User.PauseLength.Days)),
            SessionsLink, now);
    }

    /// <summary>Sessions lost a piece of equipment taken out of service; each booker is told (their seat stays).</summary>
    public async Task EquipmentDroppedAsync(IReadOnlyList<LabBooking> bookings, Equipment equipment, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var booking in bookings)
        {
            notifier.Notify(await notifier.PeopleAsync([booking.BookerId], cancellationToken), NotificationKind.LabEquipmentOutOfService, booking.Id, now,
                language => new NoticeText(Texts.Get(language, "Notice_LabEquipmentOutOfService_Title", equipment.Name),
                    Texts.Get(language, "Notice_LabEquipmentOutOfService_Body", lab.Name, equipment.Name, When(booking, language), NoticeText.Reasoned(language, equipment.OutOfServiceReason))),
                SessionsLink, now);
        }
    }

    public async Task QualificationGrantedAsync(Qualification qualification, Equipment equipment, Lab lab, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.Notify(await notifier.PeopleAsync([qualification.UserId], cancellationToken), NotificationKind.QualificationGranted, qualification.Id, now,
            language => new NoticeText(Texts.Get(language, "Notice_QualificationGranted_Title", Qualified(equipment)),
                Texts.Get(language, "Notice_QualificationGranted_Body", lab.Name, equipment.Name, qualification.ValidUntil, Qualified(equipment))),
            SessionsLink, now);

    public async Task QualificationRevokedAsync(Qualification qualification, Equipment equipment, Lab lab, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.Notify(await notifier.PeopleAsync([qualification.UserId], cancellationToken), NotificationKind.QualificationRevoked, qualification.Id, now,
            language => new NoticeText(Texts.Get(language, "Notice_QualificationRevoked_Title", Qualified(equipment)),
                Texts.Get(language, "Notice_QualificationRevoked_Body", lab.Name, equipment.Name, NoticeText.Reasoned(language, qualification.RevokedReason))),
            SessionsLink, now);

    /// <summary>The words of a due session reminder, or none when the session no longer calls for it.</summary>
    public static Func<Language, NoticeText>? ReminderText(LabBooking booking, string lab) =>
        booking.Status != LabBookingStatus.Booked
            ? null
            : language => new NoticeText(
                Texts.Get(language, "Notice_LabSessionReminder_Title", lab, Format(booking.SlotStartsAt, language)),
                Texts.Get(language, "Notice_LabSessionReminder_Body", lab, When(booking, language)));

    private static string Qualified(Equipment equipment) =>
        string.IsNullOrEmpty(equipment.QualificationName) ? equipment.Name : equipment.QualificationName;

    private static string When(LabBooking booking, Language language)
    {
        var period = $"{Format(booking.SlotStartsAt, language)}–{SeoulTime.ToSeoul(booking.SlotEndsAt):HH:mm}";
        return Texts.Get(language, "NoticeWhen", period);
    }

    private static string Format(DateTimeOffset instant, Language language) => Texts.Get(language, "NoticeInstant", SeoulTime.ToSeoul(instant));
}
