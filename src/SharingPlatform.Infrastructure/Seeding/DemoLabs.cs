using SharingPlatform.Application.Labs;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo labs for Development, relative to today: a maker space in Gunsan, a test kitchen in Wanju and an electronics bench
/// in Jeonju, published and run by the demo manager; qualifications of the demo residents (one valid, one expiring soon,
/// one expired); sessions upcoming (with their notices and reminders) and past (completed with usage, one no-show). Each
/// session takes its seat through the slot counter as a booking would. Idempotent: nothing is added once any lab exists.
/// </summary>
internal static class DemoLabs
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static async Task SeedAsync(IServiceProvider provider, User manager, User minji, User junho, User emma)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Labs.AnyAsync())
            return;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = SeoulTime.DateOf(now);
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Name, o => o.Id);

        var equipment = new Dictionary<string, Equipment>();
        Lab Publish(string organization, string name, string description, Municipality municipality, string address, string safetyRules, int seats,
            (int From, int To)[] hours, params (string Name, string Model, string? Qualification)[] pieces)
        {
            var timetable = LabTimetable.Create(
                Weekdays.SelectMany(day => hours.Select(h => new WeeklySlot(day, new TimeOnly(h.From, 0), new TimeOnly(h.To, 0)))), []);
            var lab = Lab.CreateDraft(organizations[organization], new LabDetails(name, description, municipality, address, safetyRules, seats), timetable,
                manager.Id, now.AddDays(-60));
            lab.Submit(now.AddDays(-59));
            lab.Approve();
            db.Labs.Add(lab);
            foreach (var (pieceName, model, qualification) in pieces)
            {
                var piece = Equipment.Add(lab.Id, new EquipmentDetails(pieceName, model, "", qualification is not null, qualification ?? ""), now.AddDays(-59));
                db.Equipment.Add(piece);
                equipment[pieceName] = piece;
            }

            return lab;
        }

        var maker = Publish("군산 청년 사회적기업 잇다", "원도심 메이커 스페이스",
            "3D 프린터, 레이저 커터, CNC 라우터로 시제품을 만드는 메이커 스페이스입니다.", Municipality.Gunsan, "군산시 구영6길 12, 2층",
            "보호안경을 쓰세요.\n레이저 커터와 CNC 라우터는 안전교육을 받은 분만 쓸 수 있습니다.\n작업이 끝나면 자리를 치워 주세요.", 6,
            [(9, 12), (13, 16), (16, 19)],
            ("3D 프린터 1", "Prusa MK4", null), ("3D 프린터 2", "Prusa MK4", null),
            ("레이저 커터", "CO2 60W", "레이저 커터 안전교육"), ("CNC 라우터", "Shapeoko 5", "CNC 라우터 안전교육"));
        var kitchen = Publish("완주 로컬푸드 마을기업", "로컬푸드 시험 주방",
            "농산물 가공품을 시험 생산하는 식품 가공 시험 주방입니다.", Municipality.Wanju, "완주군 고산면 고산로 45, 가공동",
            "위생모와 앞치마를 착용하세요.\n사용한 조리 도구는 세척해 제자리에 두세요.", 4,
            [(10, 13), (14, 17)],
            ("컨벡션 오븐", "Unox XF", null), ("진공 포장기", "VP-400", null), ("식품 건조기", "FD-10", "식품 건조기 사용 교육"));
        var bench = Publish("전주 한옥마을 공유공간 협동조합", "전자 작업대",
            "납땜 스테이션과 오실로스코프가 있는 전자 공작 작업대입니다.", Municipality.Jeonju, "전주시 완산구 기린대로 99, 지하 1층",
            "납땜 중에는 환기 장치를 켜 두세요.\n인두는 반드시 거치대에 두세요.", 3,
            [(13, 16), (18, 21)],
            ("납땜 스테이션 1", "Hakko FX-888D", null), ("납땜 스테이션 2", "Hakko FX-888D", null), ("납땜 스테이션 3", "Hakko FX-888D", null),
            ("오실로스코프", "Rigol DS1054Z", "오실로스코프 사용 교육"));
        foreach (var (lab, kind) in new[] { (maker, DemoIllustrations.LabKind.Maker), (kitchen, DemoIllustrations.LabKind.Kitchen), (bench, DemoIllustrations.LabKind.Electronics) })
        {
            using var image = DemoIllustrations.Draw(kind);
            var (file, thumbnail) = await DemoCatalog.StorePhotoAsync(provider, image);
            lab.AddPhoto(file, thumbnail, now.AddDays(-59));
        }

        await db.SaveChangesAsync();

        db.Qualifications.Add(Qualification.Grant(equipment["레이저 커터"], minji.Id, today.AddDays(180), manager.Id, now.AddDays(-30)));
        db.Qualifications.Add(Qualification.Grant(equipment["오실로스코프"], minji.Id, today.AddDays(90), manager.Id, now.AddDays(-30)));
        db.Qualifications.Add(Qualification.Grant(equipment["레이저 커터"], junho.Id, today.AddDays(10), manager.Id, now.AddDays(-355)));
        db.Qualifications.Add(Qualification.Grant(equipment["CNC 라우터"], emma.Id, today.AddDays(-5), manager.Id, now.AddDays(-370)));
        await db.SaveChangesAsync();

        var notices = provider.GetRequiredService<LabNotices>();
        async Task<LabBooking> BookAsync(Lab lab, User booker, int weekdaysFromToday, int hour, params string[] pieces)
        {
            var date = today;
            for (var step = 0; step < Math.Abs(weekdaysFromToday);)
            {
                date = date.AddDays(Math.Sign(weekdaysFromToday));
                if (Weekdays.Contains(date.DayOfWeek))
                    step++;
            }

            var slot = lab.Timetable.SlotsOn(date).Single(s => SeoulTime.ToSeoul(s.StartsAt).Hour == hour);
            var madeAt = slot.StartsAt.AddDays(-3) < now ? slot.StartsAt.AddDays(-3) : now;
            var booking = await db.BookAsync(lab, slot, booker.Id, pieces.Select(p => equipment[p].Id), madeAt, CancellationToken.None);
            if (slot.StartsAt > now)
                await notices.BookedAsync(booking, lab, now, CancellationToken.None);
            return booking;
        }

        // Upcoming: a qualified resident on the laser cutter, another resident on a printer in the same slot, the bench and the kitchen.
        await BookAsync(maker, minji, 1, 9, "레이저 커터");
        await BookAsync(maker, junho, 1, 9, "3D 프린터 1");
        await BookAsync(bench, emma, 1, 13, "납땜 스테이션 1");
        await BookAsync(kitchen, junho, 2, 10, "진공 포장기");
        await BookAsync(bench, minji, 3, 18, "오실로스코프", "납땜 스테이션 2");

        // Past: completed with the usage confirmed (minutes, or the whole slot), and one no-show that gave its seat back.
        var laser = await BookAsync(maker, minji, -3, 13, "레이저 커터");
        laser.CheckIn(manager.Id, laser.SlotStartsAt.AddMinutes(-5));
        laser.RecordUsage(manager.Id, new Dictionary<Guid, int> { [equipment["레이저 커터"].Id] = 150 }, laser.SlotEndsAt);
        var soldering = await BookAsync(bench, emma, -2, 18, "납땜 스테이션 2");
        soldering.CheckIn(manager.Id, soldering.SlotStartsAt.AddMinutes(2));
        soldering.RecordUsage(manager.Id, new Dictionary<Guid, int>(), soldering.SlotEndsAt);
        var missed = await BookAsync(kitchen, junho, -4, 10, "컨벡션 오븐");
        await db.MarkNoShowAsync(missed, missed.SlotStartsAt.Add(LabBooking.CheckInWindow), CancellationToken.None);

        await db.SaveChangesAsync();
    }
}
