using SharingPlatform.Domain.Emails;

namespace SharingPlatform.Domain.Tests;

public sealed class OutgoingEmailTests
{
    [Fact]
    public void Marking_an_email_sent_twice_keeps_the_first_time()
    {
        var written = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var email = OutgoingEmail.Write("a@example.kr", "제목", "본문", written);

        email.IsSent.ShouldBeFalse();
        email.MarkSent(written.AddMinutes(1));
        email.MarkSent(written.AddMinutes(5));

        email.IsSent.ShouldBeTrue();
        email.SentAt.ShouldBe(written.AddMinutes(1));
    }
}
