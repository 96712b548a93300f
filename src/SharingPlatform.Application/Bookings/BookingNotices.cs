using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

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

    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private sealed record About(string Resource, Guid OrganizationId, string? Booker);

    /// <summary>New bookings (one, or the weeks of a series): confirmed ones to the booker, requests to the owners.</summary>
    public async Task RequestedAsync(IReadOnlyList<Booking> bookings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = bookings[0];
        var about = await AboutAsync(first, cancellationToken);
        if (first.Status == BookingStatus.Confirmed)
        {
            await TellBookerConfirmedAsync(bookings, about, now, cancellationToken);
            return;
        }

        var members = await notifier.MembersAsync(about.OrganizationId, cancellationToken);
        notifier.Notify(members, NotificationKind.BookingRequested, first.Id, now, language => Say(language,
            $"새 예약 요청: {about.Resource}",
            $"{about.Booker}님이 {about.Resource}을(를) {When(bookings, Language.Korean)} 예약하려고 합니다. 승인하거나 거절해 주세요.",
            $"New booking request: {about.Resource}",
            $"{about.Booker} asks to book {about.Resource} {When(bookings, Language.English)}. Please approve or reject the request."),
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
        notifier.Notify(booker, NotificationKind.BookingRejected, booking.Id, now, language => Say(language,
            $"예약 요청 거절: {about.Resource}",
            $"{about.Resource} {When([booking], Language.Korean)} 예약 요청이 거절되었습니다.\n\n사유: {booking.StatusReason}",
            $"Booking request rejected: {about.Resource}",
            $"Your request to book {about.Resource} {When([booking], Language.English)} was rejected.\n\nReason: {booking.StatusReason}"),
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
            notifier.Notify(members, NotificationKind.BookingCancelled, first.Id, now, language => Say(language,
                $"예약 취소: {about.Resource}",
                $"{about.Booker}님이 {about.Resource} {When(bookings, Language.Korean)} 예약을 취소했습니다.{NoticeText.Reasoned(Language.Korean, reason)}",
                $"Booking cancelled: {about.Resource}",
                $"{about.Booker} cancelled their booking of {about.Resource} {When(bookings, Language.English)}.{NoticeText.Reasoned(Language.English, reason)}"),
                Link(first), now);
            return;
        }

        var booker = await notifier.PeopleAsync([first.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.BookingCancelled, first.Id, now, language => Say(language,
            $"예약 취소: {about.Resource}",
            $"공유자원을 운영하는 단체가 {about.Resource} {When(bookings, Language.Korean)} 예약을 취소했습니다.{NoticeText.Reasoned(Language.Korean, reason)}",
            $"Booking cancelled: {about.Resource}",
            $"The organization that shares {about.Resource} cancelled your booking {When(bookings, Language.English)}.{NoticeText.Reasoned(Language.English, reason)}"),
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
        notifier.Notify(members, NotificationKind.BookingCancelled, booking.Id, now, language => Say(language,
            $"예약 취소: {about.Resource}",
            $"{about.Booker}님의 {about.Resource} {When([booking], Language.Korean)} 예약이 취소되었습니다.{NoticeText.Reasoned(Language.Korean, "이용자 계정 정지")}",
            $"Booking cancelled: {about.Resource}",
            $"{about.Booker}'s booking of {about.Resource} {When([booking], Language.English)} was cancelled.{NoticeText.Reasoned(Language.English, "the booker's account was suspended")}"),
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
        notifier.Notify(booker, NotificationKind.NoShowRecorded, booking.Id, now, language => Say(language,
            $"노쇼 기록: {about.Resource}",
            $"{about.Resource} {When([booking], Language.Korean)} 예약에 체크인하지 않아 노쇼로 기록되었습니다. 90일 안에 노쇼가 {User.NoShowsBeforePause}번이면 {User.PauseLength.Days}일 동안 예약할 수 없습니다.",
            $"No-show recorded: {about.Resource}",
            $"Nobody checked in for your booking of {about.Resource} {When([booking], Language.English)}, so it is recorded as a no-show. After {User.NoShowsBeforePause} no-shows within 90 days you cannot book for {User.PauseLength.Days} days."),
            Link(booking), now);
    }

    public async Task PausedAsync(User booker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = SeoulTime.ToSeoul(booker.BookingPausedUntil!.Value);
        var recipient = await notifier.PeopleAsync([booker.Id], cancellationToken);
        notifier.Notify(recipient, NotificationKind.BookingPaused, booker.Id, now, language => Say(language,
            "예약 일시 중지",
            $"노쇼가 {User.NoShowsBeforePause}번 기록되어 {until.ToString("yyyy년 M월 d일 HH:mm", Korean)}까지 새로 예약할 수 없습니다. 이미 한 예약은 그대로입니다.",
            "Booking paused",
            $"After {User.NoShowsBeforePause} no-shows you cannot make new bookings until {until.ToString("d MMM yyyy HH:mm", English)}. Your existing bookings stay."),
            "/Bookings/Mine", now);
    }

    /// <summary>The words of a due booking reminder or nudge, or none when the booking no longer calls for it.</summary>
    public static Func<Language, NoticeText>? ReminderText(NotificationKind kind, Booking booking, string resource)
    {
        if (kind == NotificationKind.BookingReminder && booking.Status == BookingStatus.Confirmed)
        {
            return language => Say(language,
                $"예약 알림: {about(Language.Korean)}",
                $"{resource} 예약이 {When([booking], Language.Korean)}에 시작합니다.",
                $"Reminder: {about(Language.English)}",
                $"Your booking of {resource} starts {When([booking], Language.English)}.");
        }

        if (kind == NotificationKind.BookingStillPending && booking.Status == BookingStatus.Pending)
        {
            return language => Say(language,
                $"아직 대기 중인 예약 요청: {resource}",
                $"{resource} {When([booking], Language.Korean)} 예약 요청이 24시간 넘게 답을 기다리고 있습니다. 승인하거나 거절해 주세요.",
                $"Booking request still pending: {resource}",
                $"The request to book {resource} {When([booking], Language.English)} has waited for more than 24 hours. Please approve or reject it.");
        }

        return null;

        string about(Language language) => $"{resource} {Format(booking.StartsAt, language)}";
    }

    public static string Link(Booking booking) => $"/Bookings/Details/{booking.Id}";

    private async Task TellBookerConfirmedAsync(IReadOnlyList<Booking> bookings, About about, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = bookings[0];
        var booker = await notifier.PeopleAsync([first.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.BookingConfirmed, first.Id, now, language => Say(language,
            $"예약 확정: {about.Resource}",
            $"{about.Resource} {When(bookings, Language.Korean)} 예약이 확정되었습니다.",
            $"Booking confirmed: {about.Resource}",
            $"Your booking of {about.Resource} {When(bookings, Language.English)} is confirmed."),
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

    private static NoticeText Say(Language language, string koreanTitle, string koreanBody, string englishTitle, string englishBody) =>
        language == Language.English ? new NoticeText(englishTitle, englishBody) : new NoticeText(koreanTitle, koreanBody);

    /// <summary>"2026-11-28 (토) 14:00–16:00", or for a series "… 부터 매주 8회".</summary>
    private static string When(IReadOnlyList<Booking> bookings, Language language)
    {
        var first = bookings[0];
        var period = $"{Format(first.StartsAt, language)}–{SeoulTime.ToSeoul(first.EndsAt):HH:mm}";
        if (bookings.Count == 1)
            return language == Language.English ? $"on {period}" : period;
        return language == Language.English ? $"weekly from {period} ({bookings.Count} weeks)" : $"{period}부터 매주 {bookings.Count}회";
    }

    private static string Format(DateTimeOffset instant, Language language) => language == Language.English
        ? SeoulTime.ToSeoul(instant).ToString("ddd d MMM yyyy, HH:mm", English)
        : SeoulTime.ToSeoul(instant).ToString("yyyy-MM-dd (ddd) HH:mm", Korean);
}
