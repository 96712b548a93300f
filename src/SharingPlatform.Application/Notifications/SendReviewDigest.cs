using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Resources;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Notifications;

/// <summary>
/// The administrators' morning digest (a recurring job at 08:00 Asia/Seoul): what waits for review, only when something
/// does. One per administrator and Seoul date, however often it runs.
/// </summary>
public sealed record SendReviewDigest : ICommand<ReviewDigest>;

public sealed record ReviewDigest(int PendingOrganizations, int PendingResources, int AdministratorsTold);

public sealed class SendReviewDigestHandler(IApplicationDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<SendReviewDigest, ReviewDigest>
{
    public async ValueTask<ReviewDigest> Handle(SendReviewDigest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var organizations = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Pending, cancellationToken);
        var resources = await db.Resources.CountAsync(r => r.Status == ResourceStatus.PendingReview, cancellationToken);
        if (organizations + resources == 0)
            return new ReviewDigest(0, 0, 0);

        var day = SeoulTime.StartOf(SeoulTime.DateOf(now));
        var alreadyTold = await db.Notifications
            .Where(n => n.Kind == NotificationKind.ReviewDigest && n.SubjectId == Guid.Empty && n.DueAt == day)
            .Select(n => n.RecipientId)
            .ToListAsync(cancellationToken);
        var administrators = (await notifier.AdministratorsAsync(cancellationToken)).Where(a => !alreadyTold.Contains(a.Id)).ToList();
        notifier.Notify(administrators, NotificationKind.ReviewDigest, Guid.Empty, day, language => language == Language.English
            ? new NoticeText($"Waiting for review: {organizations + resources}",
                $"Organizations to verify: {organizations}\nResources to review: {resources}")
            : new NoticeText($"검토를 기다리는 항목 {organizations + resources}건",
                $"인증을 기다리는 단체: {organizations}곳\n검토를 기다리는 공유자원: {resources}건"),
            "/Admin/Review", now);
        await db.SaveChangesAsync(cancellationToken);
        return new ReviewDigest(organizations, resources, administrators.Count);
    }
}
