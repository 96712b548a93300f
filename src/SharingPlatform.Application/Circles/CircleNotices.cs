using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// What people are told, and reminded of, when a circle or its meetings change; written in the transaction of the
/// change. Members going to a meeting are reminded 24 h before it (one reminder row each, subject the meeting).
/// </summary>
public sealed class CircleNotices(IApplicationDbContext db, Notifier notifier)
{
    public static readonly TimeSpan RemindBefore = TimeSpan.FromHours(24);

    public static string CircleLink(Guid circleId) => $"/Circles/Details/{circleId}";

    public static string ManageLink(Guid circleId) => $"/Circles/Host/{circleId}";

    public static string MeetingLink(Guid meetingId) => $"/Meetings/Details/{meetingId}";

    public async Task JoinRequestedAsync(Circle circle, CircleMember member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = await NameAsync(member.UserId, cancellationToken);
        notifier.Notify(await HostsAsync(circle.Id, cancellationToken), NotificationKind.CircleJoinRequested, member.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_CircleJoinRequested_Title", circle.Title),
            Texts.Get(language, "Notice_CircleJoinRequested_Body", name, circle.Title)),
            ManageLink(circle.Id), now);
    }

    public async Task JoinDecidedAsync(Circle circle, CircleMember member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var approved = member.Status == MemberStatus.Active;
        notifier.Notify(await notifier.PeopleAsync([member.UserId], cancellationToken),
            approved ? NotificationKind.CircleJoinApproved : NotificationKind.CircleJoinDeclined, member.Id, now, language => approved
                ? new NoticeText(Texts.Get(language, "Notice_CircleJoinApproved_Title", circle.Title),
                    Texts.Get(language, "Notice_CircleJoinApproved_Body", circle.Title))
                : new NoticeText(Texts.Get(language, "Notice_CircleJoinDeclined_Title", circle.Title),
                    Texts.Get(language, "Notice_CircleJoinDeclined_Body", circle.Title)),
            CircleLink(circle.Id), now);
    }

    public async Task RemovedAsync(Circle circle, CircleMember member, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.Notify(await notifier.PeopleAsync([member.UserId], cancellationToken), NotificationKind.CircleMemberRemoved, member.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_CircleMemberRemoved_Title", circle.Title),
            Texts.Get(language, "Notice_CircleMemberRemoved_Body", circle.Title, NoticeText.Reasoned(language, member.StatusReason))),
            CircleLink(circle.Id), now);

    /// <summary>An administrator suspended or restored the circle: its hosts are told why.</summary>
    public async Task DecidedAsync(Circle circle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var suspended = circle.Status == CircleStatus.Suspended;
        notifier.Notify(await HostsAsync(circle.Id, cancellationToken), suspended ? NotificationKind.CircleSuspended : NotificationKind.CircleRestored,
            circle.Id, now, language => suspended
                ? new NoticeText(Texts.Get(language, "Notice_CircleSuspended_Title", circle.Title),
                    Texts.Get(language, "Notice_CircleSuspended_Body", circle.Title, NoticeText.Reasoned(language, circle.StatusReason)))
                : new NoticeText(Texts.Get(language, "Notice_CircleRestored_Title", circle.Title),
                    Texts.Get(language, "Notice_CircleRestored_Body", circle.Title, NoticeText.Reasoned(language, circle.StatusReason))),
            CircleLink(circle.Id), now);
    }

    /// <summary>
    /// A new meeting: the circle's other active members are told, and so is everyone else who keeps the circle in their
    /// favourites (a kind of its own).
    /// </summary>
    public async Task ScheduledAsync(Circle circle, Meeting meeting, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = await db.CircleMembers.Where(m => m.CircleId == circle.Id && m.Status == MemberStatus.Active && m.UserId != by)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        notifier.Notify(await notifier.PeopleAsync(members, cancellationToken), NotificationKind.MeetingScheduled, meeting.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_MeetingScheduled_Title", meeting.Title),
            Texts.Get(language, "Notice_MeetingScheduled_Body", circle.Title, meeting.Title, When(meeting, language))),
            MeetingLink(meeting.Id), now);
        var followers = await db.Favourites
            .Where(f => f.SubjectType == FavouriteSubject.Circle && f.SubjectId == circle.Id && f.UserId != by && !members.Contains(f.UserId))
            .Select(f => f.UserId).ToListAsync(cancellationToken);
        notifier.Notify(await notifier.PeopleAsync(followers, cancellationToken), NotificationKind.FavouriteCircleMeeting, meeting.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_FavouriteCircleMeeting_Title", circle.Title, meeting.Title),
            Texts.Get(language, "Notice_FavouriteCircleMeeting_Body", circle.Title, meeting.Title, When(meeting, language))),
            MeetingLink(meeting.Id), now);
    }

    /// <summary>The meeting moved: those who answered are told, and the reminders of those going move with it.</summary>
    public async Task MovedAsync(string circleTitle, Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([meeting.Id], cancellationToken, NotificationKind.MeetingReminder);
        var answered = await ActiveRsvpsAsync(meeting.Id, cancellationToken);
        foreach (var going in answered.Where(r => r.Status == RsvpStatus.Going))
            ScheduleReminder(meeting, going.UserId, now);
        notifier.Notify(await notifier.PeopleAsync(answered.Select(r => r.UserId), cancellationToken), NotificationKind.MeetingMoved, meeting.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_MeetingMoved_Title", meeting.Title),
            Texts.Get(language, "Notice_MeetingMoved_Body", circleTitle, meeting.Title, When(meeting, language))),
            MeetingLink(meeting.Id), now);
    }

    /// <summary>The meeting is cancelled: every reminder of it goes, and those who answered are told.</summary>
    public async Task CancelledAsync(string circleTitle, Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([meeting.Id], cancellationToken);
        var answered = await ActiveRsvpsAsync(meeting.Id, cancellationToken);
        notifier.Notify(await notifier.PeopleAsync(answered.Select(r => r.UserId), cancellationToken), NotificationKind.MeetingCancelled, meeting.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_MeetingCancelled_Title", meeting.Title),
            Texts.Get(language, "Notice_MeetingCancelled_Body", circleTitle, When(meeting, language), meeting.Title, NoticeText.Reasoned(language, meeting.CancelReason))),
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
        notifier.Notify(await notifier.PeopleAsync(promoted.Select(r => r.UserId), cancellationToken), NotificationKind.MeetingPromoted, meeting.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_MeetingPromoted_Title", meeting.Title),
            Texts.Get(language, "Notice_MeetingPromoted_Body", circleTitle, When(meeting, language), meeting.Title)),
            MeetingLink(meeting.Id), now);
    }

    /// <summary>The words of a due meeting reminder.</summary>
    public static Func<Language, NoticeText> ReminderText(string circleTitle, Meeting meeting, string? place) => language => new NoticeText(
        Texts.Get(language, "Notice_MeetingReminder_Title", meeting.Title, Format(meeting.StartsAt, language)),
        Texts.Get(language, "Notice_MeetingReminder_Body", circleTitle, meeting.Title, When(meeting, language), (place is null ? "" : Texts.Get(language, "MeetingPlace", place))));

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

    private static string When(Meeting meeting, Language language)
    {
        var period = $"{Format(meeting.StartsAt, language)}–{SeoulTime.ToSeoul(meeting.EndsAt):HH:mm}";
        return Texts.Get(language, "NoticeWhen", period);
    }

    private static string Format(DateTimeOffset instant, Language language) => Texts.Get(language, "NoticeInstant", SeoulTime.ToSeoul(instant));
}
