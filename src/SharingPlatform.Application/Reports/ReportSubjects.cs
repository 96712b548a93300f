using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Proposals;
using SharingPlatform.Application.Stories;
using SharingPlatform.Application.Reviews;
using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Reports;

/// <summary>What a report is about: whether the reporter may see it, what it is called, and where its page is.</summary>
public static class ReportSubjects
{
    /// <summary>The unique partial index that allows one open report per person and subject.</summary>
    public const string OneOpenConstraint = ConstraintCodes.ReportOneOpen;

    public static NotFoundException NotFound() => new(Texts.Get("NoSuchThingToReport"));

    public static ConflictException AlreadyReported() => ConstraintCodes.Refusal(OneOpenConstraint);

    public static NotFoundException ReportNotFound() => new(Texts.Get("NoSuchReport"));

    /// <summary>The conflict a second open report of one person and subject means, or none for any other error.</summary>
    public static ConflictException? From(Exception exception) =>
        ConstraintCodes.From(exception) is { Code: "already_reported" } conflict ? conflict : null;

    /// <summary>Answers 404 unless the subject exists and <paramref name="currentUser"/> may see it (the feature's own visibility rules).</summary>
    public static async Task RequireVisibleAsync(
        this IApplicationDbContext db, ReportSubjectType type, Guid id, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var isAdministrator = currentUser.IsAdministrator();
        try
        {
            switch (type)
            {
                case ReportSubjectType.Circle:
                    await db.CircleCallerAsync(id, currentUser, track: false, cancellationToken);
                    return;
                case ReportSubjectType.Meeting:
                    await db.MeetingCallerAsync(id, currentUser, track: false, cancellationToken);
                    return;
            }
        }
        catch (NotFoundException)
        {
            throw NotFound();
        }

        var visible = type switch
        {
            ReportSubjectType.Resource => isAdministrator
                ? await db.Resources.AnyAsync(r => r.Id == id, cancellationToken)
                : await db.Resources.PubliclyVisible(db).AnyAsync(r => r.Id == id, cancellationToken)
                    || await db.Resources.AnyAsync(
                        r => r.Id == id && db.OrganizationMembers.Any(m => m.OrganizationId == r.OrganizationId && m.UserId == userId), cancellationToken),
            ReportSubjectType.Lab => await db.VisibleTo(userId, isAdministrator).AnyAsync(l => l.Id == id, cancellationToken),
            ReportSubjectType.User => await db.Users.AnyAsync(u => u.Id == id, cancellationToken),
            ReportSubjectType.Proposal => await db.Proposals.VisibleTo(currentUser).AnyAsync(p => p.Id == id, cancellationToken),
            ReportSubjectType.Review => isAdministrator
                ? await db.Reviews.AnyAsync(r => r.Id == id, cancellationToken)
                : await db.Shown().AnyAsync(r => r.Id == id, cancellationToken),
            ReportSubjectType.Story => isAdministrator
                ? await db.Stories.AnyAsync(s => s.Id == id, cancellationToken)
                : await db.Published().AnyAsync(s => s.Id == id, cancellationToken),
            _ => false,
        };
        if (!visible)
            throw NotFound();
    }

    /// <summary>The titles of these subjects (resource title, lab name, circle or meeting title, user display name); a deleted one has none.</summary>
    public static async Task<Dictionary<(ReportSubjectType, Guid), string>> TitlesAsync(
        this IApplicationDbContext db, IEnumerable<(ReportSubjectType Type, Guid Id)> subjects, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<(ReportSubjectType, Guid), string>();
        foreach (var group in subjects.GroupBy(s => s.Type, s => s.Id))
        {
            var ids = group.Distinct().ToList();
            var found = group.Key switch
            {
                ReportSubjectType.Resource => await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Title = r.Title }).ToListAsync(cancellationToken),
                ReportSubjectType.Lab => await db.Labs.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, Title = l.Name }).ToListAsync(cancellationToken),
                ReportSubjectType.Circle => await db.Circles.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, Title = c.Title }).ToListAsync(cancellationToken),
                ReportSubjectType.Meeting => await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, Title = m.Title }).ToListAsync(cancellationToken),
                ReportSubjectType.Proposal => await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Title = p.Title }).ToListAsync(cancellationToken),
                ReportSubjectType.Review => (await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Text }).ToListAsync(cancellationToken))
                    .Select(r => new { r.Id, Title = r.Text.Length > 40 ? string.Concat(r.Text.AsSpan(0, 40), "…") : r.Text }).ToList(),
                ReportSubjectType.Story => await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, Title = s.Title }).ToListAsync(cancellationToken),
                _ => await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Title = u.DisplayName }).ToListAsync(cancellationToken),
            };
            foreach (var subject in found)
                titles[(group.Key, subject.Id)] = subject.Title;
        }

        return titles;
    }

    /// <summary>The site page of a subject.</summary>
    public static string Link(ReportSubjectType type, Guid id) => type switch
    {
        ReportSubjectType.Resource => $"/Resources/Details/{id}",
        ReportSubjectType.Lab => $"/Labs/Details/{id}",
        ReportSubjectType.Circle => $"/Circles/Details/{id}",
        ReportSubjectType.Meeting => $"/Meetings/Details/{id}",
        ReportSubjectType.Proposal => ProposalNotices.Link(id),
        ReportSubjectType.Review => ReviewAccess.Link(id),
        ReportSubjectType.Story => StoryAccess.Link(id),
        _ => "/Notifications",
    };
}
