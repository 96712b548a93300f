using SharingPlatform.Application.Bookings;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo bookings for Development, relative to today: upcoming confirmed bookings and a weekly series of the demo
/// residents, pending requests waiting for the demo organization manager, and past ones completed, checked in, cancelled
/// and missed (a no-show), with the notifications and reminders the upcoming ones made. Each goes through the domain as it would have happened, so its history reads true.
/// Idempotent: nothing is added once any booking exists.
/// </summary>
internal static class DemoBookings
{
    public static async Task SeedAsync(IServiceProvider provider, User manager, User minji, User junho, User emma)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Bookings.AnyAsync())
            return;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = SeoulTime.DateOf(now);
        var resources = await db.Resources.Where(r => r.Status == ResourceStatus.Published).ToDictionaryAsync(r => r.Title);

        Booking Book(string title, User booker, DayOfWeek day, int weeksFromNow, int fromHour, int toHour, string purpose, Guid? seriesId = null)
        {
            var resource = resources[title];
            var date = today.AddDays(weeksFromNow >= 0 ? 3 : -9);
            while (date.DayOfWeek != day || !resource.Policy.OpensOn(date))
                date = date.AddDays(1);
            date = date.AddDays(7 * Math.Max(weeksFromNow, 0));
            var period = new Period(SeoulTime.At(date, new TimeOnly(fromHour, 0)), SeoulTime.At(date, new TimeOnly(toHour, 0)));
            var madeAt = period.Start.AddDays(-3) < now ? period.Start.AddDays(-3) : now;
            var booking = Booking.Request(resource, booker.Id, period, Math.Min(resource.Capacity ?? 1, 3), purpose, new BookerStanding(0), madeAt, seriesId);
            db.Bookings.Add(booking);
            return booking;
        }

        // Upcoming, confirmed at once (spaces approve automatically).
        Book("소회의실 대여 (8인)", minji, DayOfWeek.Saturday, 0, 14, 16, "공유경제 입문 스터디 모임");
        Book("대회의실 (30인)", junho, DayOfWeek.Tuesday, 0, 10, 12, "협동조합 회계 교육");
        Book("원도심 코워킹 스페이스", emma, DayOfWeek.Wednesday, 0, 13, 15, "Remote work day");
        Book("마을 공유주방", minji, DayOfWeek.Thursday, 1, 14, 17, "청년 공유주방 레시피 연구회");
        var series = Guid.CreateVersion7(now);
        for (var week = 0; week < 4; week++)
            Book("주민 세미나실", junho, DayOfWeek.Tuesday, week, 15, 17, "마을기업 마케팅 연구회 (매주)", series);
        Book("주민 세미나실", emma, DayOfWeek.Friday, 1, 10, 12, "Korean conversation club").Cancel(emma.Id, "Moved online", now);

        // Requests waiting for the organization manager (equipment, goods and vehicles need approval).
        Book("빔프로젝터", minji, DayOfWeek.Monday, 0, 10, 12, "마을 영화 상영회");
        Book("전동 드릴 세트", junho, DayOfWeek.Wednesday, 0, 9, 12, "집수리 봉사");
        Book("1톤 냉장 트럭", emma, DayOfWeek.Friday, 0, 9, 13, "Farmers' market delivery");
        Book("테이블 쏘", minji, DayOfWeek.Thursday, 0, 13, 15, "업사이클링 공방 모임 가구 만들기");

        // What the upcoming ones told: confirmations and reminders for the residents, requests for the manager.
        var notices = provider.GetRequiredService<BookingNotices>();
        var upcoming = db.ChangeTracker.Entries<Booking>().Select(e => e.Entity).Where(b => b.IsHolding).GroupBy(b => b.SeriesId ?? b.Id);
        foreach (var told in upcoming)
            await notices.RequestedAsync(told.OrderBy(b => b.StartsAt).ToList(), now, CancellationToken.None);

        // Past: kept and completed, approved then completed, and one missed.
        var kept = Book("소회의실 대여 (8인)", minji, DayOfWeek.Tuesday, -1, 10, 12, "공유경제 입문 스터디 모임");
        kept.CheckIn(manager.Id, kept.StartsAt.AddMinutes(-5));
        kept.Complete(kept.EndsAt);
        var ladder = Book("사다리 (3m)", emma, DayOfWeek.Monday, -1, 10, 12, "Fixing the gutter");
        ladder.Approve(manager.Id, ladder.CreatedAt.AddHours(2));
        ladder.Complete(ladder.EndsAt);
        var missed = Book("촬영 스튜디오", junho, DayOfWeek.Friday, -1, 14, 16, "제품 사진 촬영");
        missed.MarkNoShow(missed.StartsAt.Add(Booking.CheckInWindow));

        await db.SaveChangesAsync();
    }
}
