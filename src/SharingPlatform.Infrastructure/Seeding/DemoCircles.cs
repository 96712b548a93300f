using SharingPlatform.Application.Circles;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo study circles for Development, relative to today: five circles in five municipalities hosted by demo residents
/// (one by approval, with a request waiting, one with a co-host), their members, past meetings with attendance recorded
/// and upcoming ones (two held in the hosts' own demo bookings), and one upcoming meeting full with two on its waitlist.
/// Everything goes through the domain as it would have happened, and the upcoming answers write their reminders.
/// Idempotent: nothing is added once any circle exists.
/// </summary>
internal static class DemoCircles
{
    public static async Task SeedAsync(IServiceProvider provider, User minji, User junho, User emma)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Circles.AnyAsync())
            return;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = SeoulTime.DateOf(now);
        var notices = provider.GetRequiredService<CircleNotices>();

        async Task<User> Resident(string name, string email) =>
            await Accounts.EnsureAsync(provider, $"{email}@demo.sharing.example", DemoData.Password, name, Language.Korean);
        var sua = await Resident("최수아", "sua");
        var haneul = await Resident("정하늘", "haneul");
        var jihoon = await Resident("박지훈", "jihoon");
        var seoyeon = await Resident("한서연", "seoyeon");
        var minsu = await Resident("오민수", "minsu");
        var daeun = await Resident("윤다은", "daeun");
        var taeyang = await Resident("강태양", "taeyang");
        var founded = now.AddDays(-60);

        (Circle Circle, List<CircleMember> Members) Found(User host, string title, string[] topics, string description, Municipality municipality, int cap, JoinPolicy policy, params User[] members)
        {
            var (circle, founder) = Circle.Create(host.Id, new CircleDetails(title, topics, description, municipality, cap, policy), founded);
            db.Circles.Add(circle);
            db.CircleMembers.Add(founder);
            var joined = new List<CircleMember> { founder };
            var at = founded;
            foreach (var member in members)
            {
                at = at.AddHours(7);
                var membership = circle.Join(member.Id, null, at);
                if (membership.Status == MemberStatus.Pending)
                    circle.Approve(membership, at.AddHours(3));
                db.CircleMembers.Add(membership);
                joined.Add(membership);
            }

            return (circle, joined);
        }

        DateTimeOffset At(int daysFromToday, int hour) => SeoulTime.At(today.AddDays(daysFromToday), new TimeOnly(hour, 0));

        // A meeting held before today: scheduled ten days before, answered, and its attendance recorded after it ended.
        async Task Past(Circle circle, User host, string title, int daysAgo, int hour, string place, User[] going, params User[] absent)
        {
            var start = At(-daysAgo, hour);
            var meeting = Meeting.Schedule(circle, host.Id, title, "지난 모임 기록입니다.", new Period(start, start.AddHours(2)), 20, new MeetingPlace(place), start.AddDays(-10));
            db.Meetings.Add(meeting);
            var answers = new List<Rsvp>();
            foreach (var (person, i) in going.Concat(absent).Select((p, i) => (p, i)))
            {
                var rsvp = meeting.Answer(person.Id, i, start.AddDays(-9).AddHours(i));
                db.Rsvps.Add(rsvp);
                answers.Add(rsvp);
                await db.SaveChangesAsync();
            }

            foreach (var rsvp in answers)
                rsvp.RecordAttendance(meeting, going.Any(p => p.Id == rsvp.UserId), now);
        }

        // An upcoming meeting: members answer in this order, going while there is room, then waitlisted; those going are reminded.
        async Task<Meeting> Upcoming(Circle circle, User host, string title, string agenda, Period period, int capacity, MeetingPlace place, params User[] answering)
        {
            var meeting = Meeting.Schedule(circle, host.Id, title, agenda, period, capacity, place, now.AddDays(-2));
            db.Meetings.Add(meeting);
            var going = 0;
            foreach (var (person, i) in answering.Select((p, i) => (p, i)))
            {
                var rsvp = meeting.Answer(person.Id, going, now.AddDays(-2).AddHours(i + 1));
                db.Rsvps.Add(rsvp);
                if (rsvp.Status == RsvpStatus.Going)
                {
                    going++;
                    notices.Going(meeting, person.Id, now);
                }

                // One at a time, so the database numbers the waitlist in this order.
                await db.SaveChangesAsync();
            }

            return meeting;
        }

        async Task<MeetingPlace> InBooking(User booker, string purpose, string note)
        {
            var booking = await db.Bookings.Where(b => b.BookerId == booker.Id && b.Purpose.StartsWith(purpose) && b.StartsAt > now
                    && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending))
                .OrderBy(b => b.StartsAt)
                .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { b.Id, b.StartsAt, b.EndsAt, r.Capacity })
                .FirstOrDefaultAsync();
            return booking is null
                ? new MeetingPlace(note)
                : new MeetingPlace(note, new MeetingVenue(booking.Id, booker.Id, new Period(booking.StartsAt, booking.EndsAt), booking.Capacity));
        }

        Period Within(MeetingPlace place, int daysFromToday, int hour, int hours) =>
            place.Venue?.Booked ?? new Period(At(daysFromToday, hour), At(daysFromToday, hour + hours));

        // 공유경제 입문 스터디 (전주): its next meeting, in 김민지's booked room, is full with two waiting.
        var (intro, _) = Found(minji, "공유경제 입문 스터디", ["공유경제", "입문", "독서"],
            "공유경제의 기초를 함께 읽고 토론하는 입문 스터디입니다. 매주 한 장씩 읽고 전주에서 만납니다.", Municipality.Jeonju, 30, JoinPolicy.Open,
            junho, emma, jihoon, seoyeon, minsu, daeun, taeyang);
        await db.SaveChangesAsync();
        await Past(intro, minji, "1주차: 공유경제란 무엇인가", 14, 19, "전주 공유센터 2층", [minji, junho, jihoon, seoyeon], minsu);
        await Past(intro, minji, "2주차: 공유경제와 지역", 7, 19, "전주 공유센터 2층", [minji, emma, jihoon, minsu, daeun], seoyeon);
        var introRoom = await InBooking(minji, "공유경제 입문 스터디", "소회의실, 빔프로젝터 사용");
        await Upcoming(intro, minji, "3주차: 공유 플랫폼 사례 읽기", "3장 읽고 각자 사례 하나씩 소개",
            Within(introRoom, 5, 14, 2), 5, introRoom, minji, jihoon, seoyeon, minsu, daeun, taeyang, emma);
        await Upcoming(intro, minji, "4주차: 우리 동네 공유 지도 만들기", "동네에서 나눌 수 있는 것 찾아오기",
            new Period(At(12, 19), At(12, 21)), 20, new MeetingPlace("전주 공유센터 2층"), minji, junho, jihoon);

        // 협동조합 회계 공부 모임 (군산): by approval; 윤다은's request waits for 이준호.
        var (accounting, _) = Found(junho, "협동조합 회계 공부 모임", ["협동조합", "회계", "세무"],
            "협동조합 결산과 회계 처리를 실무자와 함께 공부합니다. 가입은 운영자 승인 후에 됩니다.", Municipality.Gunsan, 15, JoinPolicy.Approval,
            seoyeon, jihoon, minji);
        db.CircleMembers.Add(accounting.Join(daeun.Id, null, now.AddDays(-1)));
        await db.SaveChangesAsync();
        await Past(accounting, junho, "결산서 읽는 법", 10, 10, "군산 원도심 코워킹 스페이스", [junho, seoyeon, minji], jihoon);
        await Upcoming(accounting, junho, "부가가치세 신고 실습", "각자 조합의 지난 분기 자료 가져오기",
            new Period(At(9, 10), At(9, 12)), 10, new MeetingPlace("군산 원도심 코워킹 스페이스"), junho, seoyeon, jihoon);

        // 마을기업 마케팅 연구회 (부안): its next meeting in 이준호's weekly seminar-room booking; Emma Wilson is a co-host.
        var (marketing, marketers) = Found(junho, "마을기업 마케팅 연구회", ["마을기업", "마케팅", "SNS"],
            "마을기업 제품을 알리는 방법을 사례로 연구합니다. SNS 홍보, 상세페이지, 로컬 브랜딩을 다룹니다.", Municipality.Buan, 20, JoinPolicy.Open,
            emma, sua, haneul, taeyang);
        marketing.NameCoHost(marketers.Single(m => m.UserId == emma.Id));
        await db.SaveChangesAsync();
        await Past(marketing, junho, "로컬 브랜드 사례 발표", 6, 15, "부안 공공 나눔센터 주민 세미나실", [junho, emma, sua], haneul);
        var seminar = await InBooking(junho, "마을기업 마케팅 연구회", "주민 세미나실");
        await Upcoming(marketing, junho, "SNS 홍보 글쓰기 실습", "각자 마을기업 제품 하나로 홍보 글 써 오기",
            Within(seminar, 8, 15, 2), 12, seminar, junho, emma, sua, taeyang);

        // 업사이클링 공방 모임 (남원)
        var (upcycling, _) = Found(sua, "업사이클링 공방 모임", ["업사이클링", "목공", "환경"],
            "버려지는 가구와 자투리 나무로 생활용품을 만듭니다. 남원 목공 작업장에서 모입니다.", Municipality.Namwon, 12, JoinPolicy.Open,
            haneul, minsu, taeyang);
        await db.SaveChangesAsync();
        await Past(upcycling, sua, "자투리 나무로 도마 만들기", 9, 13, "남원 함께짓기 목공 작업장", [sua, haneul, minsu]);
        await Upcoming(upcycling, sua, "헌 의자 고쳐 쓰기", "고칠 의자가 있으면 가져오세요",
            new Period(At(10, 13), At(10, 16)), 6, new MeetingPlace("남원 함께짓기 목공 작업장"), sua, haneul);

        // 청년 공유주방 레시피 연구회 (완주)
        var (kitchen, _) = Found(haneul, "청년 공유주방 레시피 연구회", ["공유주방", "로컬푸드", "요리"],
            "완주 로컬푸드로 청년들이 함께 레시피를 개발하고 나눕니다.", Municipality.Wanju, 15, JoinPolicy.Open,
            minji, daeun, jihoon);
        await db.SaveChangesAsync();
        await Past(kitchen, haneul, "제철 채소 피클 만들기", 12, 11, "완주 마을 공유주방", [haneul, minji, daeun], jihoon);
        await Upcoming(kitchen, haneul, "로컬푸드 도시락 레시피", "레시피 하나씩 준비해 오기",
            new Period(At(11, 11), At(11, 14)), 10, new MeetingPlace("완주 마을 공유주방"), haneul, minji, daeun);

        await db.SaveChangesAsync();
    }
}
