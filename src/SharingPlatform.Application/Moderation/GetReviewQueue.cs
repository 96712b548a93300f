using SharingPlatform.Application.Reports;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Moderation;

/// <summary>
/// What waits for an administrator: organizations to verify, resources and labs to review and subjects with open
/// reports, changes to published resources and labs, oldest first. <see cref="Kind"/> shows one section only; <see cref="Municipality"/> narrows organizations,
/// resources and labs (reports have no municipality).
/// </summary>
public sealed record GetReviewQueue(ReviewQueueKind? Kind = null, string? Municipality = null) : IQuery<ReviewQueue>;

public enum ReviewQueueKind
{
    Organizations,
    Resources,
    Labs,
    Reports,
    Changes,
    Stories,
}

public sealed record ReviewQueue(
    IReadOnlyList<QueuedOrganization> Organizations, IReadOnlyList<QueuedResource> Resources, IReadOnlyList<QueuedLab> Labs,
    IReadOnlyList<QueuedReport> Reports, IReadOnlyList<QueuedChange> Changes, IReadOnlyList<QueuedStory> Stories);

public sealed record QueuedStory(Guid Id, string Title, Guid OrganizationId, string OrganizationName, DateTimeOffset UpdatedAt);

public sealed record QueuedChange(Guid Id, ChangeSubjectKind SubjectKind, Guid SubjectId, string Title, Guid OrganizationId, string OrganizationName, DateTimeOffset SubmittedAt);

public sealed record QueuedOrganization(Guid Id, string Name, OrganizationKind Kind, string Municipality, DateTimeOffset RegisteredAt);

public sealed record QueuedResource(Guid Id, string Title, Guid OrganizationId, string OrganizationName, ResourceCategory Category, DateTimeOffset UpdatedAt);

public sealed record QueuedLab(Guid Id, string Name, Guid OrganizationId, string OrganizationName, string Municipality, DateTimeOffset UpdatedAt);

public sealed record QueuedReport(ReportSubjectType SubjectType, Guid SubjectId, string Title, int OpenCount, DateTimeOffset OldestAt, IReadOnlyList<ReportReason> Reasons);

public sealed class GetReviewQueueValidator : AbstractValidator<GetReviewQueue>
{
    public GetReviewQueueValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Municipality).Must(m => m is null || Domain.Municipalities.Municipality.IsKnown(m))
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
    }
}

public sealed class GetReviewQueueHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetReviewQueue, ReviewQueue>
{
    public async ValueTask<ReviewQueue> Handle(GetReviewQueue query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        bool Shows(ReviewQueueKind kind) => query.Kind is null || query.Kind == kind;
        var municipality = query.Municipality;

        List<QueuedOrganization> organizations = [];
        if (Shows(ReviewQueueKind.Organizations))
            organizations = await db.Organizations.AsNoTracking()
                .Where(o => o.Status == OrganizationStatus.Pending && (municipality == null || o.Municipality == municipality))
                .OrderBy(o => o.RegisteredAt)
                .Select(o => new QueuedOrganization(o.Id, o.Name, o.Kind, o.Municipality, o.RegisteredAt))
                .Take(200)
                .ToListAsync(cancellationToken);
        List<QueuedResource> resources = [];
        if (Shows(ReviewQueueKind.Resources))
            resources = await db.Resources.AsNoTracking()
                .Where(r => r.Status == ResourceStatus.PendingReview && (municipality == null || r.Municipality == municipality))
                .OrderBy(r => r.UpdatedAt)
                .Join(db.Organizations, r => r.OrganizationId, o => o.Id,
                    (r, o) => new QueuedResource(r.Id, r.Title, o.Id, o.Name, r.Category, r.UpdatedAt))
                .Take(200)
                .ToListAsync(cancellationToken);
        List<QueuedLab> labs = [];
        if (Shows(ReviewQueueKind.Labs))
            labs = await db.Labs.AsNoTracking()
                .Where(l => l.Status == LabStatus.PendingReview && (municipality == null || l.Municipality == municipality))
                .OrderBy(l => l.UpdatedAt)
                .Join(db.Organizations, l => l.OrganizationId, o => o.Id,
                    (l, o) => new QueuedLab(l.Id, l.Name, o.Id, o.Name, l.Municipality, l.UpdatedAt))
                .Take(200)
                .ToListAsync(cancellationToken);
        List<QueuedReport> reports = [];
        if (Shows(ReviewQueueKind.Reports))
        {
            var groups = await db.OpenReportGroups().Take(200).ToListAsync(cancellationToken);
            reports = (await db.DescribeAsync(groups, cancellationToken))
                .Select(s => new QueuedReport(s.SubjectType, s.SubjectId, s.Title, s.OpenCount, s.OldestAt, s.Reasons))
                .ToList();
        }

        List<QueuedChange> changes = [];
        if (Shows(ReviewQueueKind.Changes))
            changes = await db.ChangeRequests.AsNoTracking()
                .Where(c => c.Status == ChangeRequestStatus.Pending)
                .Select(c => new
                {
                    c.Id,
                    c.SubjectKind,
                    c.SubjectId,
                    c.OrganizationId,
                    c.SubmittedAt,
                    Title = c.SubjectKind == ChangeSubjectKind.Resource
                        ? db.Resources.Where(r => r.Id == c.SubjectId).Select(r => r.Title).FirstOrDefault()
                        : db.Labs.Where(l => l.Id == c.SubjectId).Select(l => l.Name).FirstOrDefault(),
                    SubjectMunicipality = c.SubjectKind == ChangeSubjectKind.Resource
                        ? db.Resources.Where(r => r.Id == c.SubjectId).Select(r => r.Municipality).FirstOrDefault()
                        : db.Labs.Where(l => l.Id == c.SubjectId).Select(l => l.Municipality).FirstOrDefault(),
                    OrganizationName = db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).First(),
                })
                .Where(c => municipality == null || c.SubjectMunicipality == municipality)
                .OrderBy(c => c.SubmittedAt)
                .Take(200)
                .Select(c => new QueuedChange(c.Id, c.SubjectKind, c.SubjectId, c.Title ?? "", c.OrganizationId, c.OrganizationName, c.SubmittedAt))
                .ToListAsync(cancellationToken);

        List<QueuedStory> stories = [];
        if (Shows(ReviewQueueKind.Stories))
            stories = await db.Stories.AsNoTracking()
                .Where(s => s.Status == StoryStatus.PendingReview)
                .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { Story = s, Organization = o })
                .Where(x => municipality == null || x.Organization.Municipality == municipality)
                .OrderBy(x => x.Story.UpdatedAt)
                .Select(x => new QueuedStory(x.Story.Id, x.Story.Title, x.Organization.Id, x.Organization.Name, x.Story.UpdatedAt))
                .Take(200)
                .ToListAsync(cancellationToken);

        return new ReviewQueue(organizations, resources, labs, reports, changes, stories);
    }
}
