using SharingPlatform.Application.ChangeRequests;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Moderation;

/// <summary>
/// One change request for an administrator: what it changes, field by field, against the live version (before → after).
/// Once decided, the live version is what the decision left, so the list is what still differs.
/// </summary>
public sealed record GetChangeRequest(Guid Id) : IQuery<ChangeRequestView>;

public sealed record ChangeRequestView(
    Guid Id,
    ChangeSubjectKind SubjectKind,
    Guid SubjectId,
    string Title,
    Guid OrganizationId,
    string OrganizationName,
    string SubmittedByName,
    DateTimeOffset SubmittedAt,
    ChangeRequestStatus Status,
    DateTimeOffset? DecidedAt,
    string? Reason,
    IReadOnlyList<FieldChange> Changes);

public sealed class GetChangeRequestHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetChangeRequest, ChangeRequestView>
{
    public async ValueTask<ChangeRequestView> Handle(GetChangeRequest query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var request = await db.ChangeRequests.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw ChangeRequestAccess.NotFound();
        string title;
        IReadOnlyList<FieldChange> changes;
        if (request.SubjectKind == ChangeSubjectKind.Resource)
        {
            var resource = await db.Resources.AsNoTracking().SingleAsync(r => r.Id == request.SubjectId, cancellationToken);
            (title, changes) = (resource.Title, ResourceChanges.Changes(resource, ResourceChanges.InputFrom(request.ProposedContent)));
        }
        else
        {
            var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == request.SubjectId, cancellationToken);
            (title, changes) = (lab.Name, LabChanges.Changes(lab, LabChanges.InputFrom(request.ProposedContent)));
        }

        var organizationName = await db.Organizations.Where(o => o.Id == request.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var submittedBy = await db.Users.Where(u => u.Id == request.SubmittedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        return new ChangeRequestView(
            request.Id, request.SubjectKind, request.SubjectId, title, request.OrganizationId, organizationName, submittedBy, request.SubmittedAt,
            request.Status, request.DecidedAt, request.Reason, changes);
    }
}
