using SharingPlatform.Application.Loans;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo goods lending for Development, relative to today: a tool library in Jeonju (drills, ladders, a pressure washer)
/// and a village centre in Wanju (tables, chairs, tents under manual approval), both run by the demo manager, with loans
/// past (returned, one damaged with the deposit kept, its washer now in repair), current (one out, one overdue) and
/// upcoming (confirmed, and a request waiting for the desk). Each loan goes through the domain and takes its units in
/// <c>loan_days</c> as it would have. Idempotent: an organization whose number exists is skipped.
/// </summary>
internal static class DemoLoans
{
    private sealed record Goods(string Title, string Description, LendingPolicy Lending);

    private sealed record Desk(string Number, string Name, OrganizationKind Kind, Municipality Municipality, string Address, string Description, Goods[] Goods);

    private static readonly Desk[] Desks =
    [
        new("4028100559", "전주 마을 공구도서관", OrganizationKind.Cooperative, Municipality.Jeonju, "전주시 덕진구 권삼득로 40",
            "집수리와 마을 일에 쓰는 공구를 하루 단위로 빌려주는 공구도서관입니다.",
            [
                new("충전식 전동 드릴", "18V 충전식 드릴과 배터리 2개, 비트 세트. 대여 창구에서 사용법을 알려드립니다.",
                    LendingPolicy.Create(5, ["드릴-1", "드릴-2", "드릴-3", "드릴-4", "드릴-5"], 7, 2, 1, 60, 10000, ApprovalMode.Automatic)),
                new("접이식 사다리 (3m)", "알루미늄 접이식 사다리. 2인 1조 작업을 권합니다.",
                    LendingPolicy.Create(3, null, 3, 1, 1, 60, 20000, ApprovalMode.Automatic)),
                new("고압 세척기", "외벽·마당 청소용 고압 세척기와 호스 10m.",
                    LendingPolicy.Create(2, ["세척기-A", "세척기-B"], 3, 1, 1, 60, 30000, ApprovalMode.Automatic)),
            ]),
        new("5129300771", "완주 마을회관 나눔창고", OrganizationKind.VillageEnterprise, Municipality.Wanju, "완주군 봉동읍 봉동로 12",
            "마을 잔치와 행사에 쓰는 테이블, 의자, 천막을 나누는 마을회관 창고입니다.",
            [
                new("행사용 접이식 테이블", "180cm 접이식 테이블. 트럭이 필요하면 미리 말씀해 주세요.",
                    LendingPolicy.Create(20, null, 5, 10, 2, 90, 0, ApprovalMode.Automatic)),
                new("행사용 접이식 의자", "등받이 있는 접이식 의자.",
                    LendingPolicy.Create(60, null, 5, 40, 2, 90, 0, ApprovalMode.Automatic)),
                new("캠핑 텐트 (4인용)", "4인용 돔 텐트와 그라운드시트. 마을 캠핑과 체험 행사용.",
                    LendingPolicy.Create(4, ["텐트-1", "텐트-2", "텐트-3", "텐트-4"], 4, 2, 2, 90, 20000, ApprovalMode.Manual)),
            ]),
    ];

    public static async Task SeedAsync(IServiceProvider provider, User manager, User minji, User junho, User emma)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var resources = new Dictionary<string, SharedResource>();
        foreach (var desk in Desks)
        {
            if (await db.Organizations.AnyAsync(o => o.BusinessRegistrationNumber == desk.Number))
                return;
            var organization = Organization.Register(desk.Name, desk.Kind, BusinessRegistrationNumber.Parse(desk.Number), desk.Municipality,
                desk.Address, "063-123-4567", $"contact-{desk.Number}@demo.sharing.example", desk.Description, manager.Id, now);
            organization.Verify();
            db.Organizations.Add(organization);
            foreach (var goods in desk.Goods)
            {
                var feeNote = goods.Lending.DepositWon > 0 ? $"무료 (보증금 {goods.Lending.DepositWon:N0}원)" : "무료";
                var details = new ResourceDetails(ResourceCategory.Goods, goods.Title, goods.Description, desk.Municipality, desk.Address, null, null, feeNote);
                var resource = SharedResource.CreateDraft(organization.Id, details, DemoCatalog.PolicyFor(ResourceCategory.Goods), now, goods.Lending);
                await DemoCatalog.AddPlaceholderPhotoAsync(provider, resource, ResourceCategory.Goods, now);
                resource.Submit(now);
                resource.Approve();
                db.Resources.Add(resource);
                resources[goods.Title] = resource;
            }
        }

        await db.SaveChangesAsync();
        await LendAsync(provider, db, resources, manager, minji, junho, emma, now);
    }

    private static async Task LendAsync(
        IServiceProvider provider, ApplicationDbContext db, Dictionary<string, SharedResource> resources, User manager, User minji, User junho,
        User emma, DateTimeOffset now)
    {
        var notices = provider.GetRequiredService<LoanNotices>();
        var today = SeoulTime.DateOf(now);

        async Task<Loan> Lend(string title, User borrower, int units, int pickupFromToday, int days, string purpose)
        {
            var resource = resources[title];
            var pickup = pickupFromToday < 0 ? OpenDayOnOrBefore(resource, today.AddDays(pickupFromToday)) : OpenDay(resource, today.AddDays(pickupFromToday));
            var back = OpenDayOnOrBefore(resource, pickup.AddDays(days - 1));
            var madeAt = SeoulTime.At(pickup.AddDays(-resource.Lending!.MinNoticeDays - 2), new TimeOnly(10, 0));
            var loan = Loan.Request(resource, borrower.Id, units, pickup, back, purpose, new LoanStanding(0), Earlier(madeAt, now));
            await db.LendAsync(resource, loan, CancellationToken.None);
            return loan;
        }

        void HandOver(Loan loan, string note)
        {
            var lending = resources.Values.Single(r => r.Id == loan.ResourceId).Lending!;
            var labels = lending.UnitLabels.Take(loan.Units).ToList();
            loan.HandOver(manager.Id, lending, labels, note, depositReceived: loan.DepositWon > 0, Earlier(SeoulTime.At(loan.PickupOn, new TimeOnly(10, 0)), now));
        }

        // Past: returned in good order, and one returned damaged with the deposit kept for the repair.
        var tables = await Lend("행사용 접이식 테이블", minji, 6, -20, 2, "마을 김장 행사");
        HandOver(tables, "이상 없음");
        tables.TakeBack(manager.Id, 6, "깨끗하게 반납", damaged: false, depositReturned: true, null, SeoulTime.At(tables.ReturnOn, new TimeOnly(16, 0)));
        var washer = await Lend("고압 세척기", junho, 1, -12, 2, "집 외벽 청소");
        HandOver(washer, "호스 포함");
        washer.TakeBack(manager.Id, 1, "노즐 파손", damaged: true, depositReturned: false, "노즐 교체 비용", SeoulTime.At(washer.ReturnOn, new TimeOnly(17, 0)));
        var washers = resources["고압 세척기"];
        await db.TakeOutOfServiceAsync(washers,
            UnitOutage.Start(washers, 1, "세척기-A", SeoulTime.DateOf(now), SeoulTime.DateOf(now).AddDays(7), "노즐 교체 중", manager.Id, now), CancellationToken.None);

        // Current: drills out until the day after tomorrow, and a ladder not back after its return day.
        var drills = await Lend("충전식 전동 드릴", emma, 2, -1, 4, "Building garden beds");
        HandOver(drills, "배터리 완충");
        await notices.HandedOverAsync(drills, resources["충전식 전동 드릴"].OrganizationId, now, CancellationToken.None);
        var ladder = await Lend("접이식 사다리 (3m)", junho, 1, -7, 2, "창고 지붕 수리");
        HandOver(ladder, "이상 없음");
        if (ladder.IsOverdueAt(now))
            ladder.MarkOverdue(now);

        // Upcoming: chairs and tables confirmed at once, tents waiting for the desk's approval.
        foreach (var upcoming in new[]
                 {
                     await Lend("행사용 접이식 의자", minji, 30, 5, 2, "마을 잔치"),
                     await Lend("행사용 접이식 테이블", minji, 8, 5, 2, "마을 잔치"),
                     await Lend("캠핑 텐트 (4인용)", emma, 2, 9, 3, "Family camping weekend"),
                 })
            await notices.RequestedAsync(upcoming, resources.Values.Single(r => r.Id == upcoming.ResourceId).Title,
                resources.Values.Single(r => r.Id == upcoming.ResourceId).OrganizationId, now, CancellationToken.None);

        await db.SaveChangesAsync();
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// The last day up to <paramref name="day"/> that the resource is open: a loan handed over was picked up in the past, and a
    /// return day moved back stays within the loan's days, whatever today's weekday.
    /// </summary>
    private static DateOnly OpenDayOnOrBefore(SharedResource resource, DateOnly day)
    {
        while (!resource.Policy.OpensOn(day))
            day = day.AddDays(-1);
        return day;
    }

    /// <summary>The first day from <paramref name="day"/> on that the resource is open for pick-up and return.</summary>
    private static DateOnly OpenDay(SharedResource resource, DateOnly day)
    {
        while (!resource.Policy.OpensOn(day))
            day = day.AddDays(1);
        return day;
    }
}
