using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Organizations;

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
            throw new DomainRuleException("organization_not_verified", Texts.Get("OrganizationNotVerifiedToInvite"));

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
            notifier.Notify([invitee], NotificationKind.OrganizationInvitation, invitation.Id, now, language => new NoticeText(
                    Texts.Get(language, "Notice_OrganizationInvitation_Title", organization.Name),
                    Texts.Get(language, "Notice_OrganizationInvitation_Body", organization.Name, (command.Role == MemberRole.Owner ? Texts.Get(language, "InvitedRoleOwner") : Texts.Get(language, "InvitedRoleStaff")), Seoul(invitation.ExpiresAt))),
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
        // In both languages, one text: the person has no account yet, so no language of their own.
        return OutgoingEmail.Write(to, Texts.Get(Language.Korean, "Email_SignUpInvitation_Subject", organizationName),
            Texts.Get(Language.Korean, "Email_SignUpInvitation_Body", organizationName, Seoul(invitation.ExpiresAt), register, invitations),
            now);
    }

    private static string Seoul(DateTimeOffset instant) => SeoulTime.ToSeoul(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
