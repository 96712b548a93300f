using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Application.Organizations;
using SharingPlatform.Application.Resources;
using SharingPlatform.Application.Proposals;
using SharingPlatform.Application.Reviews;
using SharingPlatform.Application.Stories;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Proposals;
using SharingPlatform.Domain.Reviews;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Moderation;

public enum Moderated
{
    Organization,
    Resource,
    Lab,
    Circle,
    Proposal,
    Review,
    Story,
}

public enum Verdict
{
    Approve,
    Reject,
    Suspend,
    Restore,
}

/// <summary>
/// An administrator's decision on an organization, a resource, a lab or a circle: one record per route, one handler for
/// all. With the subject's row locked, administrators deciding at once decide one after the other and the later ones meet
/// the domain's refusal, so there is one decision, one audit entry and one notice per person told.
/// </summary>
public abstract record ModerationCommand(Moderated Subject, Verdict Verdict, Guid Id, string? Reason) : ICommand, IModerationDecision;

public static class ModerationActions
{
    /// <summary>The decision as the audit log records it: "resource.approve", "organization.verify".</summary>
    public static string AuditAction(this ModerationCommand command) =>
        $"{command.Subject.AuditState()}.{(command is VerifyOrganization ? "verify" : command.Verdict.AuditState())}";
}

/// <summary>Confirms a pending organization is real: from now on it may publish.</summary>
public sealed record VerifyOrganization(Guid Id, string? Reason) : ModerationCommand(Moderated.Organization, Verdict.Approve, Id, Reason);

/// <summary>Rejects a pending organization, saying why.</summary>
public sealed record RejectOrganization(Guid Id, string? Reason) : ModerationCommand(Moderated.Organization, Verdict.Reject, Id, Reason);

/// <summary>Suspends a verified organization, saying why: it and its listings disappear from public views.</summary>
public sealed record SuspendOrganization(Guid Id, string? Reason) : ModerationCommand(Moderated.Organization, Verdict.Suspend, Id, Reason);

/// <summary>Restores a suspended organization: it and its listings are public again.</summary>
public sealed record RestoreOrganization(Guid Id, string? Reason) : ModerationCommand(Moderated.Organization, Verdict.Restore, Id, Reason);

/// <summary>Publishes a resource under review.</summary>
public sealed record ApproveResource(Guid Id, string? Reason) : ModerationCommand(Moderated.Resource, Verdict.Approve, Id, Reason);

/// <summary>Rejects a resource under review, saying why; its owners can edit and resubmit.</summary>
public sealed record RejectResource(Guid Id, string? Reason) : ModerationCommand(Moderated.Resource, Verdict.Reject, Id, Reason);

/// <summary>Hides a published resource, saying why.</summary>
public sealed record SuspendResource(Guid Id, string? Reason) : ModerationCommand(Moderated.Resource, Verdict.Suspend, Id, Reason);

/// <summary>Publishes a suspended resource again.</summary>
public sealed record RestoreResource(Guid Id, string? Reason) : ModerationCommand(Moderated.Resource, Verdict.Restore, Id, Reason);

/// <summary>Publishes a lab under review.</summary>
public sealed record ApproveLab(Guid Id, string? Reason) : ModerationCommand(Moderated.Lab, Verdict.Approve, Id, Reason);

/// <summary>Rejects a lab under review, saying why; its managers can edit and resubmit.</summary>
public sealed record RejectLab(Guid Id, string? Reason) : ModerationCommand(Moderated.Lab, Verdict.Reject, Id, Reason);

/// <summary>Hides a published lab, saying why.</summary>
public sealed record SuspendLab(Guid Id, string? Reason) : ModerationCommand(Moderated.Lab, Verdict.Suspend, Id, Reason);

/// <summary>Publishes a suspended lab again.</summary>
public sealed record RestoreLab(Guid Id, string? Reason) : ModerationCommand(Moderated.Lab, Verdict.Restore, Id, Reason);

/// <summary>Hides a circle from everyone but its hosts and administrators (its meetings take no answers), saying why.</summary>
public sealed record SuspendCircle(Guid Id, string? Reason) : ModerationCommand(Moderated.Circle, Verdict.Suspend, Id, Reason);

/// <summary>Opens a suspended circle again, saying why.</summary>
public sealed record RestoreCircle(Guid Id, string? Reason) : ModerationCommand(Moderated.Circle, Verdict.Restore, Id, Reason);

/// <summary>Hides a reported proposal from everyone but its proposer and administrators, saying why.</summary>
public sealed record SuspendProposal(Guid Id, string? Reason) : ModerationCommand(Moderated.Proposal, Verdict.Suspend, Id, Reason);

/// <summary>Shows a suspended proposal again.</summary>
public sealed record RestoreProposal(Guid Id, string? Reason) : ModerationCommand(Moderated.Proposal, Verdict.Restore, Id, Reason);

/// <summary>Hides a reported review from everyone but its author and administrators, saying why.</summary>
public sealed record SuspendReview(Guid Id, string? Reason) : ModerationCommand(Moderated.Review, Verdict.Suspend, Id, Reason);

/// <summary>Shows a suspended review again.</summary>
public sealed record RestoreReview(Guid Id, string? Reason) : ModerationCommand(Moderated.Review, Verdict.Restore, Id, Reason);

/// <summary>Publishes an organization's story under review.</summary>
public sealed record ApproveStory(Guid Id, string? Reason) : ModerationCommand(Moderated.Story, Verdict.Approve, Id, Reason);

/// <summary>Rejects an organization's story under review, saying why; its writers can edit and resubmit it.</summary>
public sealed record RejectStory(Guid Id, string? Reason) : ModerationCommand(Moderated.Story, Verdict.Reject, Id, Reason);

/// <summary>Hides a published story from the public, saying why.</summary>
public sealed record SuspendStory(Guid Id, string? Reason) : ModerationCommand(Moderated.Story, Verdict.Suspend, Id, Reason);

/// <summary>Publishes a suspended story again.</summary>
public sealed record RestoreStory(Guid Id, string? Reason) : ModerationCommand(Moderated.Story, Verdict.Restore, Id, Reason);

public sealed class VerifyOrganizationValidator() : ModerationDecisionValidator<VerifyOrganization>(reasonRequired: false);
public sealed class RejectOrganizationValidator() : ModerationDecisionValidator<RejectOrganization>(reasonRequired: true);
public sealed class SuspendOrganizationValidator() : ModerationDecisionValidator<SuspendOrganization>(reasonRequired: true);
public sealed class RestoreOrganizationValidator() : ModerationDecisionValidator<RestoreOrganization>(reasonRequired: false);
public sealed class ApproveResourceValidator() : ModerationDecisionValidator<ApproveResource>(reasonRequired: false);
public sealed class RejectResourceValidator() : ModerationDecisionValidator<RejectResource>(reasonRequired: true);
public sealed class SuspendResourceValidator() : ModerationDecisionValidator<SuspendResource>(reasonRequired: true);
public sealed class RestoreResourceValidator() : ModerationDecisionValidator<RestoreResource>(reasonRequired: false);
public sealed class ApproveLabValidator() : ModerationDecisionValidator<ApproveLab>(reasonRequired: false);
public sealed class RejectLabValidator() : ModerationDecisionValidator<RejectLab>(reasonRequired: true);
public sealed class SuspendLabValidator() : ModerationDecisionValidator<SuspendLab>(reasonRequired: true);
public sealed class RestoreLabValidator() : ModerationDecisionValidator<RestoreLab>(reasonRequired: false);
public sealed class SuspendCircleValidator() : ModerationDecisionValidator<SuspendCircle>(reasonRequired: true);
public sealed class RestoreCircleValidator() : ModerationDecisionValidator<RestoreCircle>(reasonRequired: true);
public sealed class SuspendProposalValidator() : ModerationDecisionValidator<SuspendProposal>(reasonRequired: true);
public sealed class RestoreProposalValidator() : ModerationDecisionValidator<RestoreProposal>(reasonRequired: false);
public sealed class SuspendReviewValidator() : ModerationDecisionValidator<SuspendReview>(reasonRequired: true);
public sealed class RestoreReviewValidator() : ModerationDecisionValidator<RestoreReview>(reasonRequired: false);

public sealed class ApproveStoryValidator() : ModerationDecisionValidator<ApproveStory>(reasonRequired: false);
public sealed class RejectStoryValidator() : ModerationDecisionValidator<RejectStory>(reasonRequired: true);
public sealed class SuspendStoryValidator() : ModerationDecisionValidator<SuspendStory>(reasonRequired: true);
public sealed class RestoreStoryValidator() : ModerationDecisionValidator<RestoreStory>(reasonRequired: false);

public sealed class ModerateHandler(
    IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, CircleNotices circleNotices, ProposalNotices proposalNotices,
    ReviewNotices reviewNotices, StoryNotices storyNotices, TimeProvider clock) :
    ICommandHandler<VerifyOrganization>, ICommandHandler<RejectOrganization>, ICommandHandler<SuspendOrganization>, ICommandHandler<RestoreOrganization>,
    ICommandHandler<ApproveResource>, ICommandHandler<RejectResource>, ICommandHandler<SuspendResource>, ICommandHandler<RestoreResource>,
    ICommandHandler<ApproveLab>, ICommandHandler<RejectLab>, ICommandHandler<SuspendLab>, ICommandHandler<RestoreLab>,
    ICommandHandler<SuspendCircle>, ICommandHandler<RestoreCircle>, ICommandHandler<SuspendProposal>, ICommandHandler<RestoreProposal>,
    ICommandHandler<SuspendReview>, ICommandHandler<RestoreReview>,
    ICommandHandler<ApproveStory>, ICommandHandler<RejectStory>, ICommandHandler<SuspendStory>, ICommandHandler<RestoreStory>
{
    public ValueTask<Unit> Handle(VerifyOrganization command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RejectOrganization command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(SuspendOrganization command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RestoreOrganization command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(ApproveResource command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RejectResource command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(SuspendResource command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RestoreResource command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(ApproveLab command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RejectLab command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(SuspendLab command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RestoreLab command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(SuspendCircle command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RestoreCircle command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(SuspendProposal command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RestoreProposal command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(SuspendReview command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RestoreReview command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(ApproveStory command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RejectStory command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(SuspendStory command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);
    public ValueTask<Unit> Handle(RestoreStory command, CancellationToken cancellationToken) => DecideAsync(command, cancellationToken);

    /// <summary>What a subject's owners are told, and where the notice leads.</summary>
    private sealed record Owners(Guid OrganizationId, string Name, string Link);

    private async ValueTask<Unit> DecideAsync(ModerationCommand command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (subject, owners) = await LockAsync(command, cancellationToken);
        var before = subject.Status.AuditState();
        Apply(subject, command);
        var entry = AuditEntry.Record(adminId, command.AuditAction(), command.Subject.AuditState(), subject.Id, command.Reason, now, before, subject.Status.AuditState());
        if (subject is Circle circle)
        {
            db.AuditEntries.Add(entry);
            await circleNotices.DecidedAsync(circle, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (subject is Review review)
        {
            db.AuditEntries.Add(entry);
            await reviewNotices.ModeratedAsync(review, command.Reason, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (subject is Proposal proposal)
        {
            db.AuditEntries.Add(entry);
            await proposalNotices.ModeratedAsync(proposal, command.Reason, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (subject is Story story)
        {
            db.AuditEntries.Add(entry);
            await storyNotices.ModeratedAsync(story, NoticeOf(command), command.Reason, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.RecordAsync(notifier, entry, owners!.OrganizationId, NoticeOf(command),
                owners.Name, owners.Link, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<(IModerated Subject, Owners? Owners)> LockAsync(ModerationCommand command, CancellationToken cancellationToken)
    {
        var id = command.Id;
        switch (command.Subject)
        {
            case Moderated.Organization:
                await db.LockOrganizationAsync(id, cancellationToken);
                var organization = await db.Organizations.FindAsync([id], cancellationToken) ?? throw OrganizationAccess.NotFound();
                return (organization, new Owners(organization.Id, organization.Name, $"/Organizations/Details/{id}"));
            case Moderated.Resource:
                await db.LockResourceAsync(id, cancellationToken);
                var resource = await db.Resources.FindAsync([id], cancellationToken) ?? throw ResourceAccess.NotFound();
                return (resource, new Owners(resource.OrganizationId, resource.Title, $"/Resources/Details/{id}"));
            case Moderated.Lab:
                await db.LockLabAsync(id, cancellationToken);
                var lab = await db.Labs.FindAsync([id], cancellationToken) ?? throw LabAccess.NotFound();
                return (lab, new Owners(lab.OrganizationId, lab.Name, LabNotices.LabLink(id)));
            case Moderated.Review:
                return (await db.Reviews.FromSql($"SELECT * FROM reviews WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
                    ?? throw ReviewAccess.NotFound(), null);
            case Moderated.Proposal:
                return (await db.LockProposalAsync(id, cancellationToken), null);
            case Moderated.Story:
                return (await db.LockStoryAsync(id, cancellationToken), null);
            default:
                await db.LockCircleAsync(id, cancellationToken);
                return (await db.Circles.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw CircleAccess.NotFound(), null);
        }
    }

    private static void Apply(IModerated subject, ModerationCommand command)
    {
        switch (command.Verdict)
        {
            case Verdict.Approve:
                ((IReviewed)subject).Approve();
                break;
            case Verdict.Reject:
                ((IReviewed)subject).Reject(command.Reason!);
                break;
            case Verdict.Suspend:
                subject.Suspend(command.Reason!);
                break;
            default:
                subject.Restore(command.Reason);
                break;
        }
    }

    private static NotificationKind NoticeOf(ModerationCommand command) => command switch
    {
        VerifyOrganization => NotificationKind.OrganizationVerified,
        RejectOrganization => NotificationKind.OrganizationRejected,
        SuspendOrganization => NotificationKind.OrganizationSuspended,
        RestoreOrganization => NotificationKind.OrganizationRestored,
        ApproveResource => NotificationKind.ResourceApproved,
        RejectResource => NotificationKind.ResourceRejected,
        SuspendResource => NotificationKind.ResourceSuspended,
        RestoreResource => NotificationKind.ResourceRestored,
        ApproveLab => NotificationKind.LabApproved,
        RejectLab => NotificationKind.LabRejected,
        SuspendLab => NotificationKind.LabSuspended,
        RestoreLab => NotificationKind.LabRestored,
        ApproveStory => NotificationKind.StoryApproved,
        RejectStory => NotificationKind.StoryRejected,
        SuspendStory => NotificationKind.StorySuspended,
        RestoreStory => NotificationKind.StoryRestored,
        _ => throw new UnreachableException(),
    };
}
