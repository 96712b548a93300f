using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo proposals for Development: open ones with support to vote on, one the demo manager's organization took up with
/// its listing, one accepted and one declined with a reason. Idempotent: nothing is added once any exists.
/// </summary>
internal static class DemoProposals
{
    public static async Task SeedAsync(IServiceProvider provider, User manager, User minji, User junho, User emma)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Proposals.AnyAsync())
            return;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var listing = await db.Resources
            .Where(r => r.Status == ResourceStatus.Published && r.Category == ResourceCategory.Space
                && db.OrganizationMembers.Any(m => m.OrganizationId == r.OrganizationId && m.UserId == manager.Id))
            .OrderBy(r => r.Title).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();

        Proposal Propose(User proposer, string title, string description, ResourceCategory category, string municipality, int daysAgo, params User[] supporters)
        {
            var proposal = Proposal.Make(proposer.Id, title, description, category, municipality, now.AddDays(-daysAgo));
            db.Proposals.Add(proposal);
            foreach (var supporter in supporters)
                db.ProposalSupports.Add(ProposalSupport.Give(proposal.Id, supporter.Id, now.AddDays(-daysAgo + 1)));
            return proposal;
        }

        Propose(minji, "캠핑 장비 함께 쓰기", "텐트와 버너를 1년에 한두 번 쓰려고 사기는 아깝습니다. 마을에서 함께 빌려 쓰면 좋겠습니다.",
            ResourceCategory.Equipment, "jeonju", 12, junho, emma);
        Propose(emma, "Board game library for families", "A shelf of board games families can borrow for a weekend, with rules in Korean and English.",
            ResourceCategory.Goods, "wanju", 5, minji);
        var studyRoom = Propose(junho, "밤늦게까지 여는 공부방", "시험 기간에 밤 10시 이후에도 조용히 공부할 곳이 필요합니다.",
            ResourceCategory.Space, "jeonju", 30, minji, emma);
        if (listing is { } resourceId)
            studyRoom.TakeUp(resourceId, now.AddDays(-20));
        Propose(minji, "마을 공유 부엌", "김장철과 마을 잔치 때 쓸 큰 부엌이 있으면 좋겠습니다.", ResourceCategory.Space, "namwon", 40, junho)
            .Accept("내년 마을 공동체 사업에 넣어 공간을 찾겠습니다.", now.AddDays(-25));
        Propose(junho, "전기 화물 자전거", "장 보러 갈 때 쓸 화물 자전거를 빌리고 싶습니다.", ResourceCategory.Vehicle, "iksan", 50)
            .Decline("보험과 보관 장소 문제로 올해는 어렵습니다. 내년에 다시 살펴보겠습니다.", now.AddDays(-45));
        await db.SaveChangesAsync();
    }
}
