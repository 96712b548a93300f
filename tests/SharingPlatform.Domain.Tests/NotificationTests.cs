using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Domain.Tests;

public sealed class NotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void A_notification_is_unread_until_read_and_keeps_the_first_reading_time()
    {
        var notification = Notification.Write(Guid.NewGuid(), Language.Korean, NotificationKind.BookingConfirmed, Guid.NewGuid(), Now, "예약 확정", "본문", "/Bookings/x", Now);

        notification.IsRead.ShouldBeFalse();
        notification.MarkRead(Now.AddMinutes(5));
        notification.MarkRead(Now.AddMinutes(9));

        notification.ReadAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void An_overlong_title_is_shortened_to_fit_with_an_ellipsis()
    {
        var notification = Notification.Write(Guid.NewGuid(), Language.Korean, NotificationKind.BookingRequested, Guid.NewGuid(), Now,
            new string('가', 300), "", "/", Now);

        notification.Title.Length.ShouldBe(Notification.TitleMaxLength);
        notification.Title.ShouldEndWith("…");
    }

    [Fact]
    public void A_reminder_is_marked_sent_once()
    {
        var reminder = Reminder.Schedule(Guid.NewGuid(), NotificationKind.BookingReminder, Guid.NewGuid(), Now.AddHours(23), Now);

        reminder.MarkSent(Now.AddHours(23));
        reminder.MarkSent(Now.AddHours(24));

        reminder.SentAt.ShouldBe(Now.AddHours(23));
    }

    [Fact]
    public void A_person_gets_every_kind_by_email_until_they_turn_it_off()
    {
        var user = User.Register("resident@example.kr", "주민", Language.Korean, Now);
        user.WantsEmail(NotificationKind.BookingReminder).ShouldBeTrue();

        user.TurnEmailsOff([NotificationKind.BookingReminder, NotificationKind.BookingReminder, NotificationKind.ReviewDigest]);

        user.EmailsOff.ShouldBe([NotificationKind.BookingReminder, NotificationKind.ReviewDigest]);
        user.WantsEmail(NotificationKind.BookingReminder).ShouldBeFalse();
        user.WantsEmail(NotificationKind.BookingConfirmed).ShouldBeTrue();
    }
}
