using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Emails;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Organizations;

/// <summary>
/// An owner invites a person, by email, as owner or staff; they join only once they accept. The owner's answer is the
/// same whether the email has an account or not: a person with an account is told in their inbox (and by email), any
/// other address gets an email inviting them to sign up with it. A pending organization invites nobody.
/// </summary>
public sealed record InviteOrganizationMember(Guid OrganizationId, string Email, MemberRole Role) : ICommand;

public sealed class InviteOrganizationMemberValidator : AbstractValidator<InviteOrganizationMember>
{
    public InviteOrganizationMemberValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.Role).IsInEnum();
    }
}

public sealed class InviteOrganizationMemberHandler(
    IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock, Notifier notifier, IAppLinks links)
    : ICommandHandler<InviteOrganizationMember>
{
    public const string InvitationsPage = "/Invitations";

    public async ValueTask<Unit> Handle(InviteOrganizationMember command, CancellationToken cancellationToken)
    {
        var organization = await db.LoadForOwnerAsync(command.OrganizationId, currentUser, cancellationToken);
        if (organization.Status != OrganizationStatus.Verified)
            throw new DomainRuleException("organization_not_verified", Texts.Get("OnlyAVerifiedOrganizationInvitesMembers"));

        var now = clock.GetUtcNow();
        var normalized = OrganizationInvitation.Normalize(command.Email);
        var invitee = await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage, u.EmailsOff))
            .SingleOrDefaultAsync(cancellationToken);
        if (invitee is not null && organization.IsMember(invitee.Id))
            throw new DomainRuleException("already_member", Texts.Get("Rule_already_member"));

        var invitedBy = currentUser.RequireId();
        var invitation = await db.OrganizationInvitations.SingleOrDefaultAsync(
            i => i.OrganizationId == organization.Id && i.NormalizedEmail == normalized && i.Status == InvitationStatus.Pending, cancellationToken);
        if (invitation is null)
        {
            invitation = OrganizationInvitation.Invite(organization.Id, command.Email, command.Role, invitedBy, now);
            db.OrganizationInvitations.Add(invitation);
        }
        else
        {
            invitation.Renew(command.Role, invitedBy, now);
        }

        if (invitee is not null)
            notifier.Notify([invitee], NotificationKind.OrganizationInvitation, invitation.Id, now, language => language == Language.English
                ? new NoticeText($"Invitation to {organization.Name}",
                    $"You are invited to join {organization.Name} as {(command.Role == MemberRole.Owner ? "an owner" : "staff")}. Accept or decline it by {Seoul(invitation.ExpiresAt)}.")
                : new NoticeText($"{organization.Name} 초대",
                    $"{organization.Name}에서 {(command.Role == MemberRole.Owner ? "대표" : "담당자")}(으)로 초대했습니다. {Seoul(invitation.ExpiresAt)}까지 수락하거나 거절해 주세요."),
                InvitationsPage, now);
        else
            db.OutgoingEmails.Add(SignUpInvitation(command.Email.Trim(), organization.Name, invitation, now));

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private OutgoingEmail SignUpInvitation(string to, string organizationName, OrganizationInvitation invitation, DateTimeOffset now)
    {
        var register = links.To("/Account/Register");
        var invitations = links.To(InvitationsPage);
        return OutgoingEmail.Write(to, $"[공유경제 플랫폼] {organizationName} 초대 / Invitation to {organizationName}",
            $"{organizationName}에서 전북 공유경제 플랫폼의 구성원으로 초대했습니다.\n"
            + $"이 이메일 주소로 가입하고 인증한 뒤 {Seoul(invitation.ExpiresAt)}까지 초대를 수락해 주세요.\n가입: {register}\n초대: {invitations}\n\n"
            + $"{organizationName} invites you to join it on SharingPlatform (Jeonbuk sharing economy).\n"
            + $"Sign up with this email address, confirm it, and accept the invitation by {Seoul(invitation.ExpiresAt)}.\nSign up: {register}\nInvitation: {invitations}\n",
            now);
    }

    private static string Seoul(DateTimeOffset instant) => SeoulTime.ToSeoul(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
