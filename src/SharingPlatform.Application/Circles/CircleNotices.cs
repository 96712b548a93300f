using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// What people are told, and reminded of, when a circle or its meetings change; written in the transaction of the
/// change. Members going to a meeting are reminded 24 h before it (one reminder row each, subject the meeting).
/// </summary>
public sealed class CircleNotices(IApplicationDbContext db, Notifier notifier)
{
    public static readonly TimeSpan RemindBefore = TimeSpan.FromHours(24);

    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string CircleLink(Guid circleId) => $"/Circles/Details/{circleId}";

    public static string ManageLink(Guid circleId) => $"/Circles/Host/{circleId}";

    public static string MeetingLink(Guid meetingId) => $"/Meetings/Details/{meetingId}";

    public async Task JoinRequestedAsync(Circle circle, CircleMember member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = await NameAsync(member.UserId, cancellationToken);
        notifier.Notify(await HostsAsync(circle.Id, cancellationToken), NotificationKind.CircleJoinRequested, member.Id, now, language => Say(language,
            $"가입 신청: {circle.Title}",
            $"{name}님이 '{circle.Title}'에 가입을 신청했습니다. 승인하거나 거절해 주세요.",
            $"Request to join: {circle.Title}",
            $"{name} asks to join '{circle.Title}'. Please approve or decline the request."),
            ManageLink(circle.Id), now);
    }

    public async Task JoinDecidedAsync(Circle circle, CircleMember member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var approved = member.Status == MemberStatus.Active;
        notifier.Notify(await notifier.PeopleAsync([member.UserId], cancellationToken),
            approved ? NotificationKind.CircleJoinApproved : NotificationKind.CircleJoinDeclined, member.Id, now, language => approved
                ? Say(language, $"가입 승인: {circle.Title}", $"'{circle.Title}' 가입이 승인되었습니다. 모임에 참석 여부를 알려 주세요.",
                    $"Welcome to {circle.Title}", $"Your request to join '{circle.Title}' was approved. Tell the hosts which meetings you will come to.")
                : Say(language, $"가입 거절: {circle.Title}", $"'{circle.Title}' 가입 신청이 거절되었습니다.",
                    $"Request declined: {circle.Title}", $"Your request to join '{circle.Title}' was declined."),
            CircleLink(circle.Id), now);
    }

    public async Task RemovedAsync(Circle circle, CircleMember member, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.Notify(await notifier.PeopleAsync([member.UserId], cancellationToken), NotificationKind.CircleMemberRemoved, member.Id, now, language => Say(language,
            $"동아리에서 제외됨: {circle.Title}",
            $"운영자가 회원님을 '{circle.Title}'에서 제외했습니다.{NoticeText.Reasoned(Language.Korean, member.StatusReason)}",
            $"Removed from {circle.Title}",
            $"A host removed you from '{circle.Title}'.{NoticeText.Reasoned(Language.English, member.StatusReason)}"),
            CircleLink(circle.Id), now);

    /// <summary>An administrator suspended or restored the circle: its hosts are told why.</summary>
    public async Task DecidedAsync(Circle circle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var suspended = circle.Status == CircleStatus.Suspended;
        notifier.Notify(await HostsAsync(circle.Id, cancellationToken), suspended ? NotificationKind.CircleSuspended : NotificationKind.CircleRestored,
            circle.Id, now, language => suspended
                ? Say(language, $"'{circle.Title}' 공개 중지", $"학습동아리 '{circle.Title}'의 공개가 중지되었습니다. 운영자와 관리자만 볼 수 있고 모임 참석 신청을 받지 않습니다.{NoticeText.Reasoned(Language.Korean, circle.StatusReason)}",
                    $"'{circle.Title}' is suspended", $"Your study circle '{circle.Title}' is hidden for now: only its hosts and administrators see it, and its meetings take no RSVPs.{NoticeText.Reasoned(Language.English, circle.StatusReason)}")
                : Say(language, $"'{circle.Title}' 공개 재개", $"학습동아리 '{circle.Title}'가 다시 공개되었습니다.{NoticeText.Reasoned(Language.Korean, circle.StatusReason)}",
                    $"'{circle.Title}' is restored", $"Your study circle '{circle.Title}' is public again.{NoticeText.Reasoned(Language.English, circle.StatusReason)}"),
            CircleLink(circle.Id), now);
    }

    /// <summary>A new meeting: the circle's other active members are told.</summary>
    public async Task ScheduledAsync(Circle circle, Meeting meeting, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = await db.CircleMembers.Where(m => m.CircleId == circle.Id && m.Status == MemberStatus.Active && m.UserId != by)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        notifier.Notify(await notifier.PeopleAsync(members, cancellationToken), NotificationKind.MeetingScheduled, meeting.Id, now, language => Say(language,
            $"새 모임: {meeting.Title}",
            $"'{circle.Title}'의 새 모임 '{meeting.Title}'이(가) {When(meeting, Language.Korean)}에 열립니다. 참석하려면 신청해 주세요.",
            $"New meeting: {meeting.Title}",
            $"'{circle.Title}' meets for '{meeting.Title}' {When(meeting, Language.English)}. Tell the hosts if you are going."),
            MeetingLink(meeting.Id), now);
    }

    /// <summary>The meeting moved: those who answered are told, and the reminders of those going move with it.</summary>
    public async Task MovedAsync(string circleTitle, Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([meeting.Id], cancellationToken, NotificationKind.MeetingReminder);
        var answered = await ActiveRsvpsAsync(meeting.Id, cancellationToken);
        foreach (var going in answered.Where(r => r.Status == RsvpStatus.Going))
            ScheduleReminder(meeting, going.UserId, now);
        notifier.Notify(await notifier.PeopleAsync(answered.Select(r => r.UserId), cancellationToken), NotificationKind.MeetingMoved, meeting.Id, now, language => Say(language,
            $"모임 일정 변경: {meeting.Title}",
            $"'{circleTitle}'의 모임 '{meeting.Title}'이(가) {When(meeting, Language.Korean)}(으)로 바뀌었습니다.",
            $"Meeting moved: {meeting.Title}",
            $"'{circleTitle}' now meets for '{meeting.Title}' {When(meeting, Language.English)}."),
            MeetingLink(meeting.Id), now);
    }

    /// <summary>The meeting is cancelled: every reminder of it goes, and those who answered are told.</summary>
    public async Task CancelledAsync(string circleTitle, Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([meeting.Id], cancellationToken);
        var answered = await ActiveRsvpsAsync(meeting.Id, cancellationToken);
        notifier.Notify(await notifier.PeopleAsync(answered.Select(r => r.UserId), cancellationToken), NotificationKind.MeetingCancelled, meeting.Id, now, language => Say(language,
            $"모임 취소: {meeting.Title}",
            $"'{circleTitle}'의 {When(meeting, Language.Korean)} 모임 '{meeting.Title}'이(가) 취소되었습니다.{NoticeText.Reasoned(Language.Korean, meeting.CancelReason)}",
            $"Meeting cancelled: {meeting.Title}",
            $"'{circleTitle}' cancelled its meeting '{meeting.Title}' {When(meeting, Language.English)}.{NoticeText.Reasoned(Language.English, meeting.CancelReason)}"),
            MeetingLink(meeting.Id), now);
    }

    /// <summary>A member now going (at once, or promoted from the waitlist) is reminded 24 h before.</summary>
    public void Going(Meeting meeting, Guid userId, DateTimeOffset now) => ScheduleReminder(meeting, userId, now);

    /// <summary>A member no longer going loses their reminder.</summary>
    public async Task NotGoingAsync(Meeting meeting, Guid userId, CancellationToken cancellationToken)
    {
        var pending = await db.Reminders
            .Where(r => r.SubjectId == meeting.Id && r.RecipientId == userId && r.Kind == NotificationKind.MeetingReminder && r.SentAt == null)
            .ToListAsync(cancellationToken);
        db.Reminders.RemoveRange(pending);
    }

    /// <summary>Waitlisted members promoted to going are told at once, and reminded later.</summary>
    public async Task PromotedAsync(string circleTitle, Meeting meeting, IReadOnlyList<Rsvp> promoted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (promoted.Count == 0)
            return;
        foreach (var rsvp in promoted)
            ScheduleReminder(meeting, rsvp.UserId, now);
        notifier.Notify(await notifier.PeopleAsync(promoted.Select(r => r.UserId), cancellationToken), NotificationKind.MeetingPromoted, meeting.Id, now, language => Say(language,
            $"참석 확정: {meeting.Title}",
            $"자리가 나서 '{circleTitle}'의 {When(meeting, Language.Korean)} 모임 '{meeting.Title}'에 참석하게 되었습니다. 못 오게 되면 참석을 취소해 주세요.",
            $"You're going: {meeting.Title}",
            $"A place opened up: you are now going to '{circleTitle}' — '{meeting.Title}' {When(meeting, Language.English)}. If you cannot come, please cancel your RSVP."),
            MeetingLink(meeting.Id), now);
    }

    /// <summary>The words of a due meeting reminder.</summary>
    public static Func<Language, NoticeText> ReminderText(string circleTitle, Meeting meeting, string? place) => language => Say(language,
        $"모임 알림: {meeting.Title} {Format(meeting.StartsAt, Language.Korean)}",
        $"'{circleTitle}'의 모임 '{meeting.Title}'이(가) {When(meeting, Language.Korean)}에 열립니다.{(place is null ? "" : $"\n\n장소: {place}")}",
        $"Reminder: {meeting.Title} {Format(meeting.StartsAt, Language.English)}",
        $"'{circleTitle}' meets for '{meeting.Title}' {When(meeting, Language.English)}.{(place is null ? "" : $"\n\nPlace: {place}")}");

    private void ScheduleReminder(Meeting meeting, Guid userId, DateTimeOffset now)
    {
        var due = meeting.StartsAt - RemindBefore;
        if (due > now)
            notifier.Schedule(userId, NotificationKind.MeetingReminder, meeting.Id, due, now);
    }

    private async Task<List<Rsvp>> ActiveRsvpsAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await db.Rsvps.AsNoTracking().Where(r => r.MeetingId == meetingId && r.Status != RsvpStatus.Cancelled).ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<Recipient>> HostsAsync(Guid circleId, CancellationToken cancellationToken)
    {
        var hosts = await db.CircleMembers
            .Where(m => m.CircleId == circleId && m.Status == MemberStatus.Active && (m.Role == MemberRole.Host || m.Role == MemberRole.CoHost))
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        return await notifier.PeopleAsync(hosts, cancellationToken);
    }

    private async Task<string> NameAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);

    private static NoticeText Say(Language language, string koreanTitle, string koreanBody, string englishTitle, string englishBody) =>
        language == Language.English ? new NoticeText(englishTitle, englishBody) : new NoticeText(koreanTitle, koreanBody);

    private static string When(Meeting meeting, Language language)
    {
        var period = $"{Format(meeting.StartsAt, language)}–{SeoulTime.ToSeoul(meeting.EndsAt):HH:mm}";
        return language == Language.English ? $"on {period}" : period;
    }

    private static string Format(DateTimeOffset instant, Language language) => language == Language.English
        ? SeoulTime.ToSeoul(instant).ToString("ddd d MMM yyyy, HH:mm", English)
        : SeoulTime.ToSeoul(instant).ToString("yyyy-MM-dd (ddd) HH:mm", Korean);
}
