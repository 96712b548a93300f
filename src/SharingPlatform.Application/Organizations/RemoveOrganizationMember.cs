using Mediator;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Organizations;

/// <summary>An owner removes a member; the last owner stays.</summary>
public sealed record RemoveOrganizationMember(Guid OrganizationId, Guid UserId) : ICommand;

public sealed class RemoveOrganizationMemberHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : ICommandHandler<RemoveOrganizationMember>
{
    public async ValueTask<Unit> Handle(RemoveOrganizationMember command, CancellationToken cancellationToken)
    {
        var organization = await db.LoadForOwnerAsync(command.OrganizationId, currentUser, cancellationToken);
        organization.RemoveMember(command.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
