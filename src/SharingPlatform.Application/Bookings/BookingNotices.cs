using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Bookings;

/// <summary>
/// What people are told, and reminded of, when a booking changes; written in the transaction of the change. A weekly
/// series is told once (about its first booking) and reminded of week by week.
/// </summary>
public sealed class BookingNotices(IApplicationDbContext db, Notifier notifier)
{
    /// <summary>Reminders before a confirmed booking starts; none that would be due before the booking was confirmed.</summary>
    public static readonly TimeSpan[] RemindBefore = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>The owner is nudged when a request is still pending this long after it was made.</summary>
    public static readonly TimeSpan NudgeAfter = TimeSpan.FromHours(24);

    private sealed record About(string Resource, Guid OrganizationId, string? Booker, Recipient? BookerAsRecipient = null);

    /// <summary>New bookings (one, or the weeks of a series): confirmed ones to the booker, requests to the owners.</summary>
    public async Task RequestedAsync(IReadOnlyList<Booking> bookings, DateTimeOffset now, CancellationToken cancellationToken) =>
        await TellRequestedAsync(bookings, await AboutAsync(bookings[0], cancellationToken), now, cancellationToken);

    /// <summary>The same, for a caller that has read the resource and the booker already: two round trips fewer.</summary>
    public Task RequestedAsync(IReadOnlyList<Booking> bookings, SharedResource resource, Recipient booker, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        TellRequestedAsync(bookings, new About(resource.Title, resource.OrganizationId, booker.DisplayName, booker), now, cancellationToken);

    private async Task TellRequestedAsync(IReadOnlyList<Booking> bookings, About about, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = bookings[0];
        if (first.Status == BookingStatus.Confirmed)
        {
            await TellBookerConfirmedAsync(bookings, about, now, cancellationToken);
            return;
        }

        var members = await notifier.MembersAsync(about.OrganizationId, cancellationToken);
        notifier.Notify(members, NotificationKind.BookingRequested, first.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_BookingRequested_Title", about.Resource),
            Texts.Get(language, "Notice_BookingRequested_Body", about.Booker, about.Resource, When(bookings, language))),
            Link(first), now);
        if (now + NudgeAfter < first.StartsAt)
        {
            foreach (var member in members)
                notifier.Schedule(member.Id, NotificationKind.BookingStillPending, first.Id, now + NudgeAfter, now);
        }
    }

    /// <summary>The owner approved requests: the booker is told, the nudges go, the reminders are set.</summary>
    public async Task ApprovedAsync(IReadOnlyList<Booking> bookings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync(Ids(bookings), cancellationToken, NotificationKind.BookingStillPending);
        await TellBookerConfirmedAsync(bookings, await AboutAsync(bookings[0], cancellationToken), now, cancellationToken);
    }

    public async Task RejectedAsync(Booking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        var about = await AboutAsync(booking, cancellationToken);
        var booker = await notifier.PeopleAsync([booking.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.BookingRejected, booking.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_BookingRejected_Title", about.Resource),
            Texts.Get(language, "Notice_BookingRejected_Body", about.Resource, When([booking], language), booking.StatusReason)),
            Link(booking), now);
    }

    /// <summary>Cancelled bookings lose their reminders; the other side is told (the owners when the booker cancelled, else the booker).</summary>
    public async Task CancelledAsync(IReadOnlyList<Booking> bookings, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync(Ids(bookings), cancellationToken);
        var first = bookings[0];
        var about = await AboutAsync(first, cancellationToken);
        var reason = first.StatusReason;
        if (by == first.BookerId)
        {
            var members = await notifier.MembersAsync(about.OrganizationId, cancellationToken);
            notifier.Notify(members, NotificationKind.BookingCancelled, first.Id, now, language => new NoticeText(
                Texts.Get(language, "Notice_BookingCancelledByBooker_Title", about.Resource),
                Texts.Get(language, "Notice_BookingCancelledByBooker_Body", about.Booker, about.Resource, When(bookings, language), NoticeText.Reasoned(language, reason))),
                Link(first), now);
            return;
        }

        var booker = await notifier.PeopleAsync([first.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.BookingCancelled, first.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_BookingCancelledByOwner_Title", about.Resource),
            Texts.Get(language, "Notice_BookingCancelledByOwner_Body", about.Resource, When(bookings, language), NoticeText.Reasoned(language, reason))),
            Link(first), now);
    }

    /// <summary>
    /// The booker's account was suspended and an administrator cancelled their booking: its reminders go, and the owners
    /// are told why, as when the booker cancels.
    /// </summary>
    public async Task BookerSuspendedAsync(Booking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        var about = await AboutAsync(booking, cancellationToken);
        var members = await notifier.MembersAsync(about.OrganizationId, cancellationToken);
        notifier.Notify(members, NotificationKind.BookingCancelled, booking.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_BookingCancelledBookerSuspended_Title", about.Resource),
            Texts.Get(language, "Notice_BookingCancelledBookerSuspended_Body", about.Booker, about.Resource, When([booking], language), NoticeText.Reasoned(language, Texts.Get(language, "BookerAccountSuspended")))),
            Link(booking), now);
    }

    /// <summary>The booker moved a booking: its reminders follow it; a move that needs approval again is a new request.</summary>
    public async Task MovedAsync(Booking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        if (booking.Status == BookingStatus.Confirmed)
            ScheduleReminders([booking], now);
        else
            await RequestedAsync([booking], now, cancellationToken);
    }

    public async Task NoShowAsync(Booking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var about = await AboutAsync(booking, cancellationToken);
        var booker = await notifier.PeopleAsync([booking.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.NoShowRecorded, booking.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_NoShowRecorded_Title", about.Resource),
            Texts.Get(language, "Notice_NoShowRecorded_Body", about.Resource, When([booking], language), User.NoShowsBeforePause, User.PauseLength.Days)),
            Link(booking), now);
    }

    public async Task PausedAsync(User booker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = SeoulTime.ToSeoul(booker.BookingPausedUntil!.Value);
        var recipient = await notifier.PeopleAsync([booker.Id], cancellationToken);
        notifier.Notify(recipient, NotificationKind.BookingPaused, booker.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_BookingPaused_Title"),
            Texts.Get(language, "Notice_BookingPaused_Body", User.NoShowsBeforePause, until)),
            "/Bookings/Mine", now);
    }

    /// <summary>The words of a due booking reminder or nudge, or none when the booking no longer calls for it.</summary>
    public static Func<Language, NoticeText>? ReminderText(NotificationKind kind, Booking booking, string resource)
    {
        if (kind == NotificationKind.BookingReminder && booking.Status == BookingStatus.Confirmed)
        {
            return language => new NoticeText(Texts.Get(language, "Notice_BookingReminder_Title", about(language)),
                Texts.Get(language, "Notice_BookingReminder_Body", resource, When([booking], language)));
        }

        if (kind == NotificationKind.BookingStillPending && booking.Status == BookingStatus.Pending)
        {
            return language => new NoticeText(Texts.Get(language, "Notice_BookingStillPending_Title", resource),
                Texts.Get(language, "Notice_BookingStillPending_Body", resource, When([booking], language)));
        }

        return null;

        string about(Language language) => $"{resource} {Format(booking.StartsAt, language)}";
    }

    public static string Link(Booking booking) => $"/Bookings/Details/{booking.Id}";

    private async Task TellBookerConfirmedAsync(IReadOnlyList<Booking> bookings, About about, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = bookings[0];
        IReadOnlyList<Recipient> booker = about.BookerAsRecipient is { } known ? [known] : await notifier.PeopleAsync([first.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.BookingConfirmed, first.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_BookingConfirmed_Title", about.Resource),
            Texts.Get(language, "Notice_BookingConfirmed_Body", about.Resource, When(bookings, language))),
            Link(first), now);
        ScheduleReminders(bookings, now);
    }

    private void ScheduleReminders(IEnumerable<Booking> bookings, DateTimeOffset now)
    {
        foreach (var booking in bookings)
        {
            foreach (var before in RemindBefore)
            {
                var due = booking.StartsAt - before;
                if (due > now)
                    notifier.Schedule(booking.BookerId, NotificationKind.BookingReminder, booking.Id, due, now);
            }
        }
    }

    private async Task<About> AboutAsync(Booking booking, CancellationToken cancellationToken) =>
        await db.Resources.Where(r => r.Id == booking.ResourceId)
            .Select(r => new About(r.Title, r.OrganizationId, db.Users.Where(u => u.Id == booking.BookerId).Select(u => u.DisplayName).FirstOrDefault()))
            .SingleAsync(cancellationToken);

    private static List<Guid> Ids(IEnumerable<Booking> bookings) => bookings.Select(b => b.Id).ToList();

    /// <summary>"2026-11-28 (Sat) 14:00–16:00" in Korean, or for a series "… every week, 8 times".</summary>
    private static string When(IReadOnlyList<Booking> bookings, Language language)
    {
        var first = bookings[0];
        var period = $"{Format(first.StartsAt, language)}–{SeoulTime.ToSeoul(first.EndsAt):HH:mm}";
        if (bookings.Count == 1)
            return Texts.Get(language, "NoticeWhen", period);
        return Texts.Get(language, "NoticeWhenWeekly", period, bookings.Count);
    }

    private static string Format(DateTimeOffset instant, Language language) => Texts.Get(language, "NoticeInstant", SeoulTime.ToSeoul(instant));
}
