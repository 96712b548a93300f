using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo reports for Development, so the administrators' queue has something in it: two residents report the same
/// published resource, one reports another resource and one reports a circle; all open, filed over the last days.
/// Idempotent: nothing is added once any report exists.
/// </summary>
internal static class DemoReports
{
    public static async Task SeedAsync(IServiceProvider provider, User minji, User junho, User emma)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Reports.AnyAsync())
            return;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var resources = await db.Resources.Where(r => r.Status == ResourceStatus.Published).OrderBy(r => r.Title).Select(r => r.Id).Take(2).ToListAsync();
        var circle = await db.Circles.Where(c => c.Status == CircleStatus.Active && c.HostId != minji.Id).OrderBy(c => c.Title).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (resources.Count > 0)
        {
            db.Reports.Add(Report.File(minji.Id, ReportSubjectType.Resource, resources[0], ReportReason.Inappropriate,
                "사진과 설명이 실제 공간과 다릅니다.", now.AddDays(-3)));
            db.Reports.Add(Report.File(junho.Id, ReportSubjectType.Resource, resources[0], ReportReason.Fraud,
                "이용료를 계좌로 따로 요구했습니다.", now.AddDays(-2)));
        }

        if (resources.Count > 1)
            db.Reports.Add(Report.File(emma.Id, ReportSubjectType.Resource, resources[1], ReportReason.Spam,
                "The description is an advertisement for another business.", now.AddDays(-1)));
        if (circle is { } circleId)
            db.Reports.Add(Report.File(minji.Id, ReportSubjectType.Circle, circleId, ReportReason.Other,
                "모임 공지에 홍보 링크가 반복해서 올라옵니다.", now.AddHours(-5)));
        await db.SaveChangesAsync();
    }
}
