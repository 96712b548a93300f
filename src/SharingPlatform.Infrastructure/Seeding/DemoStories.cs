using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Three demo stories for Development: one by the province's administrator, one by the demo manager's organization that
/// an administrator approved, and one of the organization's still waiting for review, linking the demo listings (the
/// province's only when an administrator is configured).
/// Idempotent: nothing is added once any exists.
/// </summary>
internal static class DemoStories
{
    public static async Task SeedAsync(IServiceProvider provider, User manager)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Stories.AnyAsync())
            return;
        var administrator = (await provider.GetRequiredService<UserManager<User>>().GetUsersInRoleAsync(Roles.Administrator)).FirstOrDefault();
        var organizationId = await db.OrganizationMembers.Where(m => m.UserId == manager.Id).Select(m => (Guid?)m.OrganizationId).FirstOrDefaultAsync();
        if (organizationId is not { } organization)
            return;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var resources = await db.Resources.Where(r => r.OrganizationId == organization && r.Status == ResourceStatus.Published)
            .OrderBy(r => r.Title).Select(r => r.Id).Take(2).ToListAsync();
        var lab = await db.Labs.Where(l => l.OrganizationId == organization && l.Status == LabStatus.Published).Select(l => (Guid?)l.Id).FirstOrDefaultAsync();
        var circle = await db.Circles.Where(c => c.Status == CircleStatus.Active).OrderBy(c => c.Title).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();

        List<StoryLink> province = [.. resources.Take(1).Select(id => new StoryLink(StoryLinkType.Resource, id))];
        if (circle is { } circleId)
            province.Add(new StoryLink(StoryLinkType.Circle, circleId));
        if (administrator is not null)
        {
            db.Stories.Add(Story.Write(administrator.Id, null, "전북 공유플랫폼이 문을 열었습니다",
                """
                전북특별자치도의 **공유플랫폼**에서 이웃과 단체가 가진 공간, 장비, 물품을 빌려 쓸 수 있습니다.

                ## 이렇게 시작해 보세요
                - 가까운 시군의 공유자원을 찾아 예약합니다.
                - 공유실험실에서 장비 사용 시간을 잡습니다.
                - 학습동아리 모임에 참여합니다.

                필요한 것이 목록에 없다면 [공유자원 제안](/Proposals)에 올려 주세요.
                """, province, byAdministrator: true, now.AddDays(-21)));
        }

        var approved = Story.Write(manager.Id, organization, "회의실 한 칸이 마을 사랑방이 되기까지",
            """
            지난 봄 협동조합 사무실 옆 **회의실**을 공유자원으로 내놓았습니다.

            처음에는 한 달에 두어 번 예약이 들어왔지만, 지금은 주민 모임과 동아리가 번갈아 씁니다.
            빌려 쓴 분들이 남긴 후기 덕분에 의자와 화이트보드도 새로 갖췄습니다.

            > 공간은 나눌수록 넓어집니다.
            """, resources.Select(id => new StoryLink(StoryLinkType.Resource, id)), byAdministrator: false, now.AddDays(-10));
        approved.Approve();
        db.Stories.Add(approved);

        db.Stories.Add(Story.Write(manager.Id, organization, "공유실험실 첫 안전교육 후기",
            """
            3D 프린터와 레이저 커터를 처음 쓰는 분들을 위해 안전교육을 열었습니다. 열두 분이 참여해 모두 자격을 받았습니다.
            다음 교육은 달마다 첫째 토요일에 엽니다.
            """, lab is { } labId ? [new StoryLink(StoryLinkType.Lab, labId)] : [], byAdministrator: false, now.AddDays(-2)));
        await db.SaveChangesAsync();
    }
}
