using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Domain.Tests;

public sealed class NoShowPauseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static User Resident() => User.Register("resident@example.kr", "주민", Language.Korean, Now.AddYears(-1));

    [Fact]
    public void Two_no_shows_do_not_pause_and_the_third_pauses_for_thirty_days()
    {
        var user = Resident();

        user.PauseBookingIfDue(2, Now).ShouldBeFalse();
        user.IsBookingPaused(Now).ShouldBeFalse();
        user.PauseBookingIfDue(3, Now).ShouldBeTrue();

        user.BookingPausedUntil.ShouldBe(Now.AddDays(30));
        user.IsBookingPaused(Now.AddDays(30).AddTicks(-1)).ShouldBeTrue();
        user.IsBookingPaused(Now.AddDays(30)).ShouldBeFalse();
    }

    [Fact]
    public void No_shows_count_for_ninety_days_and_those_that_caused_a_pause_are_spent()
    {
        var user = Resident();
        user.NoShowsCountFrom(Now).ShouldBe(Now.AddDays(-90));

        user.PauseBookingIfDue(3, Now);
        user.NoShowsCountFrom(Now.AddDays(31)).ShouldBe(Now);
        user.NoShowsCountFrom(Now.AddDays(120)).ShouldBe(Now.AddDays(30));
    }

    [Fact]
    public void A_second_pause_is_not_stacked_on_a_running_one()
    {
        var user = Resident();
        user.PauseBookingIfDue(3, Now);

        user.PauseBookingIfDue(5, Now.AddDays(10)).ShouldBeFalse();
        user.BookingPausedUntil.ShouldBe(Now.AddDays(30));
    }

    [Fact]
    public void An_administrator_lifts_a_pause_and_earlier_no_shows_no_longer_count()
    {
        var user = Resident();
        Should.Throw<IllegalTransitionException>(() => user.LiftBookingPause(Now)).Code.ShouldBe("booking_not_paused");
        user.PauseBookingIfDue(3, Now);

        user.LiftBookingPause(Now.AddDays(2));

        user.IsBookingPaused(Now.AddDays(2)).ShouldBeFalse();
        user.NoShowsCountFrom(Now.AddDays(3)).ShouldBe(Now.AddDays(2));
    }
}
