using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Notifications;

/// <summary>
/// The administrators' morning digest (a recurring job at 08:00 Asia/Seoul): what waits for review, only when something
/// does. One per administrator and Seoul date, however often it runs.
/// </summary>
public sealed record SendReviewDigest : ICommand<ReviewDigest>;

public sealed record ReviewDigest(int PendingOrganizations, int PendingResources, int PendingLabs, int AdministratorsTold);

public sealed class SendReviewDigestHandler(IApplicationDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<SendReviewDigest, ReviewDigest>
{
    public async ValueTask<ReviewDigest> Handle(SendReviewDigest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var organizations = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Pending, cancellationToken);
        var resources = await db.Resources.CountAsync(r => r.Status == ResourceStatus.PendingReview, cancellationToken);
        var labs = await db.Labs.CountAsync(l => l.Status == LabStatus.PendingReview, cancellationToken);
        var waiting = organizations + resources + labs;
        if (waiting == 0)
            return new ReviewDigest(0, 0, 0, 0);

        var day = SeoulTime.StartOf(SeoulTime.DateOf(now));
        var alreadyTold = await db.Notifications
            .Where(n => n.Kind == NotificationKind.ReviewDigest && n.SubjectId == Guid.Empty && n.DueAt == day)
            .Select(n => n.RecipientId)
            .ToListAsync(cancellationToken);
        var administrators = (await notifier.AdministratorsAsync(cancellationToken)).Where(a => !alreadyTold.Contains(a.Id)).ToList();
        notifier.Notify(administrators, NotificationKind.ReviewDigest, Guid.Empty, day, language => new NoticeText(
                Texts.Get(language, "Notice_ReviewDigest_Title", waiting),
                Texts.Get(language, "Notice_ReviewDigest_Body", organizations, resources, labs)),
            "/Admin/Review", now);
        await db.SaveChangesAsync(cancellationToken);
        return new ReviewDigest(organizations, resources, labs, administrators.Count);
    }
}
