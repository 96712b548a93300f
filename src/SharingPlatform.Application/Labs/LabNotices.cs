using System.Globalization;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Labs;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Labs;

/// <summary>What people are told, and reminded of, about lab sessions and qualifications; written in the transaction of the change.</summary>
public sealed class LabNotices(Notifier notifier, IApplicationDbContext db)
{
    /// <summary>Reminders before a session; none that would be due before it was booked.</summary>
    public static readonly TimeSpan[] RemindBefore = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A booker's notices lead to their lab sessions ("my lab sessions" lists each with its state).</summary>
    public const string SessionsLink = "/Labs/Mine";

    public static string LabLink(Guid labId) => $"/Labs/Details/{labId}";

    public static string ConsoleLink(Guid labId) => $"/Labs/Manage/{labId}";

    /// <summary>The booker is told the session is booked, and reminded 24 h and 1 h before it.</summary>
    public async Task BookedAsync(LabBooking booking, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var booker = await notifier.PeopleAsync([booking.BookerId], cancellationToken);
        notifier.Notify(booker, NotificationKind.LabSessionBooked, booking.Id, now, language => Say(language,
            $"실험실 예약 완료: {lab.Name}",
            $"{lab.Name} {When(booking, Language.Korean)} 자리를 예약했습니다.",
            $"Lab session booked: {lab.Name}",
            $"You have a seat at {lab.Name} {When(booking, Language.English)}."),
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
            notifier.Notify(managers, NotificationKind.LabSessionCancelled, booking.Id, now, language => Say(language,
                $"실험실 예약 취소: {lab.Name}",
                $"{booker}님이 {lab.Name} {When(booking, Language.Korean)} 예약을 취소했습니다.{NoticeText.Reasoned(language, reason)}",
                $"Lab session cancelled: {lab.Name}",
                $"{booker} cancelled their session at {lab.Name} {When(booking, Language.English)}.{NoticeText.Reasoned(language, reason)}"),
                ConsoleLink(lab.Id), now);
            return;
        }

        notifier.Notify(await notifier.PeopleAsync([booking.BookerId], cancellationToken), NotificationKind.LabSessionCancelled, booking.Id, now,
            language => Say(language,
                $"실험실 예약 취소: {lab.Name}",
                $"실험실 담당자가 {lab.Name} {When(booking, Language.Korean)} 예약을 취소했습니다.{NoticeText.Reasoned(language, reason)}",
                $"Lab session cancelled: {lab.Name}",
                $"A manager of {lab.Name} cancelled your session {When(booking, Language.English)}.{NoticeText.Reasoned(language, reason)}"),
            SessionsLink, now);
    }

    /// <summary>The booker's account was suspended and an administrator cancelled their session: its reminders go, the managers are told why.</summary>
    public async Task BookerSuspendedAsync(LabBooking booking, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        var managers = await notifier.PeopleAsync(await db.CurrentManagerIdsAsync(lab, cancellationToken), cancellationToken);
        var booker = (await notifier.PeopleAsync([booking.BookerId], cancellationToken)).SingleOrDefault()?.DisplayName;
        notifier.Notify(managers, NotificationKind.LabSessionCancelled, booking.Id, now, language => Say(language,
            $"실험실 예약 취소: {lab.Name}",
            $"{booker}님의 {lab.Name} {When(booking, Language.Korean)} 예약이 취소되었습니다.{NoticeText.Reasoned(Language.Korean, "이용자 계정 정지")}",
            $"Lab session cancelled: {lab.Name}",
            $"{booker}'s session at {lab.Name} {When(booking, Language.English)} was cancelled.{NoticeText.Reasoned(Language.English, "the booker's account was suspended")}"),
            ConsoleLink(lab.Id), now);
    }

    public async Task NoShowAsync(LabBooking booking, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notifier.UnscheduleAsync([booking.Id], cancellationToken);
        notifier.Notify(await notifier.PeopleAsync([booking.BookerId], cancellationToken), NotificationKind.LabNoShowRecorded, booking.Id, now,
            language => Say(language,
                $"노쇼 기록: {lab.Name}",
                $"{lab.Name} {When(booking, Language.Korean)} 예약에 체크인하지 않아 노쇼로 기록되었습니다. 90일 안에 노쇼가 {User.NoShowsBeforePause}번이면 {User.PauseLength.Days}일 동안 예약할 수 없습니다.",
                $"No-show recorded: {lab.Name}",
                $"Nobody checked in for your session at {lab.Name} {When(booking, Language.English)}, so it is recorded as a no-show. After {User.NoShowsBeforePause} no-shows within 90 days you cannot book for {User.PauseLength.Days} days."),
            SessionsLink, now);
    }

    /// <summary>Sessions lost a piece of equipment taken out of service; each booker is told (their seat stays).</summary>
    public async Task EquipmentDroppedAsync(IReadOnlyList<LabBooking> bookings, Equipment equipment, Lab lab, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var booking in bookings)
        {
            notifier.Notify(await notifier.PeopleAsync([booking.BookerId], cancellationToken), NotificationKind.LabEquipmentOutOfService, booking.Id, now,
                language => Say(language,
                    $"장비 사용 불가: {equipment.Name}",
                    $"{lab.Name}의 {equipment.Name}이(가) 점검으로 사용할 수 없게 되어 {When(booking, Language.Korean)} 예약에서 빠졌습니다. 자리 예약은 그대로입니다.{NoticeText.Reasoned(language, equipment.OutOfServiceReason)}",
                    $"Equipment out of service: {equipment.Name}",
                    $"{equipment.Name} at {lab.Name} is out of service, so it was taken off your session {When(booking, Language.English)}. Your seat stays.{NoticeText.Reasoned(language, equipment.OutOfServiceReason)}"),
                SessionsLink, now);
        }
    }

    public async Task QualificationGrantedAsync(Qualification qualification, Equipment equipment, Lab lab, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.Notify(await notifier.PeopleAsync([qualification.UserId], cancellationToken), NotificationKind.QualificationGranted, qualification.Id, now,
            language => Say(language,
                $"자격 부여: {Qualified(equipment)}",
                $"{lab.Name}에서 {equipment.Name}을(를) {qualification.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}까지 쓸 수 있는 자격({Qualified(equipment)})을 받았습니다.",
                $"Qualification granted: {Qualified(equipment)}",
                $"{lab.Name} qualified you to use {equipment.Name} until {qualification.ValidUntil.ToString("d MMM yyyy", English)} ({Qualified(equipment)})."),
            SessionsLink, now);

    public async Task QualificationRevokedAsync(Qualification qualification, Equipment equipment, Lab lab, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.Notify(await notifier.PeopleAsync([qualification.UserId], cancellationToken), NotificationKind.QualificationRevoked, qualification.Id, now,
            language => Say(language,
                $"자격 취소: {Qualified(equipment)}",
                $"{lab.Name}의 {equipment.Name} 사용 자격이 취소되었습니다.{NoticeText.Reasoned(language, qualification.RevokedReason)}",
                $"Qualification revoked: {Qualified(equipment)}",
                $"Your qualification to use {equipment.Name} at {lab.Name} was revoked.{NoticeText.Reasoned(language, qualification.RevokedReason)}"),
            SessionsLink, now);

    /// <summary>The words of a due session reminder, or none when the session no longer calls for it.</summary>
    public static Func<Language, NoticeText>? ReminderText(LabBooking booking, string lab) =>
        booking.Status != LabBookingStatus.Booked
            ? null
            : language => Say(language,
                $"실험실 예약 알림: {lab} {Format(booking.SlotStartsAt, Language.Korean)}",
                $"{lab} 예약이 {When(booking, Language.Korean)}에 시작합니다.",
                $"Reminder: {lab} {Format(booking.SlotStartsAt, Language.English)}",
                $"Your session at {lab} starts {When(booking, Language.English)}.");

    private static string Qualified(Equipment equipment) =>
        string.IsNullOrEmpty(equipment.QualificationName) ? equipment.Name : equipment.QualificationName;

    private static NoticeText Say(Language language, string koreanTitle, string koreanBody, string englishTitle, string englishBody) =>
        language == Language.English ? new NoticeText(englishTitle, englishBody) : new NoticeText(koreanTitle, koreanBody);

    private static string When(LabBooking booking, Language language)
    {
        var period = $"{Format(booking.SlotStartsAt, language)}–{SeoulTime.ToSeoul(booking.SlotEndsAt):HH:mm}";
        return language == Language.English ? $"on {period}" : period;
    }

    private static string Format(DateTimeOffset instant, Language language) => language == Language.English
        ? SeoulTime.ToSeoul(instant).ToString("ddd d MMM yyyy, HH:mm", English)
        : SeoulTime.ToSeoul(instant).ToString("yyyy-MM-dd (ddd) HH:mm", Korean);
}
