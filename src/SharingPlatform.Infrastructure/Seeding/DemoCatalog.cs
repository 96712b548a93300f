using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo organizations and shared resources for Development: six verified organizations of different kinds in six
/// municipalities, about thirty published resources over every category, a few drafts and pending reviews, and one
/// organization still waiting for verification. Idempotent: an organization whose number exists is skipped.
/// </summary>
internal static class DemoCatalog
{
    private sealed record Listing(ResourceCategory Category, string Title, string Description, int? Capacity, int? FeePerHour, ResourceStatus Status = ResourceStatus.Published);

    private sealed record DemoOrganization(string Number, string Name, OrganizationKind Kind, Municipality Municipality, string Address, string Description, Listing[] Listings, bool Verified = true);

    private static readonly DemoOrganization[] Organizations =
    [
        new("5260181593", "전주 한옥마을 공유공간 협동조합", OrganizationKind.Cooperative, Municipality.Jeonju, "전주시 완산구 기린대로 99",
            "한옥마을 주민들이 함께 운영하는 공유공간 협동조합입니다.",
            [
                new(ResourceCategory.Space, "소회의실 대여 (8인)", "빔프로젝터와 화이트보드가 있는 8인용 회의실입니다.\n주민 모임, 스터디에 알맞습니다.", 8, null),
                new(ResourceCategory.Space, "대회의실 (30인)", "강의·워크숍용 30인 회의실. 음향 장비 포함.", 30, 10000),
                new(ResourceCategory.Space, "한옥 마당 행사 공간", "작은 마을 행사와 장터를 열 수 있는 마당입니다.", 80, 20000),
                new(ResourceCategory.Equipment, "빔프로젝터", "휴대용 빔프로젝터(3,000안시)와 스크린.", null, null),
                new(ResourceCategory.Goods, "행사용 접이식 테이블 10개", "마을 행사용 접이식 테이블과 의자 세트.", null, null),
                new(ResourceCategory.Space, "공유 부엌", "조리 도구가 갖춰진 공유 부엌. 요리 모임에 좋습니다.", 12, 5000, ResourceStatus.PendingReview),
            ]),
        new("0830166135", "군산 청년 사회적기업 잇다", OrganizationKind.SocialEnterprise, Municipality.Gunsan, "군산시 구영6길 12",
            "군산 원도심에서 청년 창업과 문화 활동을 잇는 사회적기업입니다.",
            [
                new(ResourceCategory.Space, "원도심 코워킹 스페이스", "와이파이, 프린터가 있는 20석 공유 오피스.", 20, null),
                new(ResourceCategory.Space, "촬영 스튜디오", "조명과 배경지가 있는 소형 촬영 스튜디오.", 5, 15000),
                new(ResourceCategory.Equipment, "미러리스 카메라 세트", "카메라 본체, 렌즈 2개, 삼각대.", null, 5000),
                new(ResourceCategory.Equipment, "무선 마이크 세트", "행사용 무선 마이크 2채널과 스피커.", null, null),
                new(ResourceCategory.Vehicle, "전기 화물 자전거", "원도심 배송·장보기용 전기 화물 자전거.", null, null),
                new(ResourceCategory.Goods, "캠핑 장비 세트", "텐트, 타프, 의자 4개 세트.", null, 3000, ResourceStatus.Draft),
            ]),
        new("1860913909", "익산 자활 공구도서관", OrganizationKind.SelfSufficiencyEnterprise, Municipality.Iksan, "익산시 인북로 32",
            "집수리 공구를 빌려주는 자활기업 공구도서관입니다.",
            [
                new(ResourceCategory.Equipment, "전동 드릴 세트", "충전식 전동 드릴과 비트 세트.", null, null),
                new(ResourceCategory.Equipment, "고압 세척기", "외벽·마당 청소용 고압 세척기.", null, 2000),
                new(ResourceCategory.Goods, "사다리 (3m)", "접이식 알루미늄 사다리.", null, null),
                new(ResourceCategory.Equipment, "잔디 깎기", "전기식 잔디 깎기.", null, null),
                new(ResourceCategory.Goods, "페인트 도구 세트", "롤러, 붓, 트레이, 마스킹 테이프.", null, null),
            ]),
        new("9960308247", "완주 로컬푸드 마을기업", OrganizationKind.VillageEnterprise, Municipality.Wanju, "완주군 고산면 고산로 45",
            "완주 로컬푸드로 마을 공동체를 가꾸는 마을기업입니다.",
            [
                new(ResourceCategory.Space, "마을 공유주방", "로컬푸드 요리 교실용 공유주방.", 15, 10000),
                new(ResourceCategory.Vehicle, "1톤 냉장 트럭", "농산물 운송용 1톤 냉장 트럭 (운전자 동승).", null, 30000),
                new(ResourceCategory.Equipment, "농산물 건조기", "고추·나물 건조기.", null, null),
                new(ResourceCategory.Space, "마을회관 다목적실", "마을 회의와 교육용 다목적실.", 40, null),
                new(ResourceCategory.Other, "텃밭 한 구획", "공동 텃밭 한 구획을 한 철 동안.", null, null),
            ]),
        new("6281948217", "남원 예비사회적기업 함께짓기", OrganizationKind.PreSocialEnterprise, Municipality.Namwon, "남원시 요천로 120",
            "목공과 집수리로 지역 일자리를 만드는 예비사회적기업입니다.",
            [
                new(ResourceCategory.Space, "목공 작업장", "목공 기계가 있는 공유 작업장 (안전교육 필수).", 6, 8000),
                new(ResourceCategory.Equipment, "테이블 쏘", "목공용 테이블 쏘 (숙련자 동반).", null, 5000),
                new(ResourceCategory.Goods, "목공 수공구 세트", "끌, 대패, 톱, 클램프 세트.", null, null),
                new(ResourceCategory.Space, "공방 전시실", "작품 전시와 작은 판매 행사 공간.", 25, null),
            ]),
        new("9935181901", "부안 공공 나눔센터", OrganizationKind.PublicInstitution, Municipality.Buan, "부안군 부안읍 석정로 201",
            "부안군 주민에게 공공 물품과 공간을 나누는 공공기관입니다.",
            [
                new(ResourceCategory.Space, "주민 세미나실", "20인 세미나실, 노트북 연결 TV.", 20, null),
                new(ResourceCategory.Goods, "휠체어", "단기 대여용 휠체어.", null, null),
                new(ResourceCategory.Goods, "유아 카시트", "여행·행사용 유아 카시트.", null, null),
                new(ResourceCategory.Vehicle, "12인승 승합차", "마을 단체 이동용 12인승 승합차 (운전자 제공).", null, null),
                new(ResourceCategory.Other, "행사용 천막", "3x3m 행사용 천막 4동.", null, null),
                new(ResourceCategory.Equipment, "노트북", "교육용 노트북 10대.", null, null, ResourceStatus.PendingReview),
            ]),
        new("1248100998", "고창 갯벌 체험 협동조합", OrganizationKind.Cooperative, Municipality.Gochang, "고창군 심원면 1",
            "갯벌 체험 장비를 나누려는 협동조합입니다 (인증 대기 중).", [], Verified: false),
    ];

    public static async Task SeedAsync(IServiceProvider provider, User manager)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var demo in Organizations)
        {
            if (await db.Organizations.AnyAsync(o => o.BusinessRegistrationNumber == demo.Number))
                continue;

            var organization = Organization.Register(demo.Name, demo.Kind, BusinessRegistrationNumber.Parse(demo.Number), demo.Municipality,
                demo.Address, "063-123-4567", $"contact-{demo.Number}@demo.sharing.example", demo.Description, manager.Id, now);
            if (demo.Verified)
                organization.Verify();
            db.Organizations.Add(organization);

            foreach (var listing in demo.Listings)
            {
                var details = new ResourceDetails(listing.Category, listing.Title, listing.Description, demo.Municipality, demo.Address,
                    listing.Capacity, listing.FeePerHour, listing.FeePerHour is null ? "무료" : $"시간당 {listing.FeePerHour:N0}원");
                var resource = SharedResource.CreateDraft(organization.Id, details, PolicyFor(listing.Category), now);
                await AddPlaceholderPhotoAsync(provider, resource, listing.Category, now);
                if (listing.Status != ResourceStatus.Draft)
                    resource.Submit(now);
                if (listing.Status == ResourceStatus.Published)
                    resource.Approve();
                db.Resources.Add(resource);
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>An illustration of the category, stored like an upload.</summary>
    internal static async Task AddPlaceholderPhotoAsync(IServiceProvider provider, SharedResource resource, ResourceCategory category, DateTimeOffset now)
    {
        using var image = DemoIllustrations.Draw(category);
        var (file, thumbnail) = await StorePhotoAsync(provider, image);
        resource.AddPhoto(file, thumbnail, now);
    }

    /// <summary>A drawn picture through the photo pipeline into the file store, as an upload goes: its file and thumbnail names.</summary>
    internal static async Task<(string File, string Thumbnail)> StorePhotoAsync(IServiceProvider provider, Image<Rgba32> image)
    {
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png);
        png.Position = 0;
        var processed = await provider.GetRequiredService<IPhotoProcessor>().ProcessAsync(png, CancellationToken.None);
        var files = provider.GetRequiredService<IFileStore>();
        var stem = Guid.NewGuid().ToString("N");
        var (file, thumbnail) = (stem + processed!.Extension, stem + "-thumb" + processed.Extension);
        await files.SaveAsync(file, processed.Display, CancellationToken.None);
        await files.SaveAsync(thumbnail, processed.Thumbnail, CancellationToken.None);
        return (file, thumbnail);
    }

    internal static BookingPolicy PolicyFor(ResourceCategory category)
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0)));
        var saturday = new OpeningPeriod(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(17, 0));
        var christmas = new DateOnly(2026, 12, 25);
        return category == ResourceCategory.Space
            ? BookingPolicy.Create(ApprovalMode.Automatic, 30, 60, 240, 60 * 24, 60, 15, requiresCheckIn: true, 3, [.. weekdays, saturday], [christmas])
            : BookingPolicy.Create(ApprovalMode.Manual, 60, 60, 60 * 24 * 3, 60 * 24 * 2, 30, 60, requiresCheckIn: false, 2, weekdays, [christmas]);
    }
}
