using SharingPlatform.Application.Organizations;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// An owner of the organization names the lab's managers, by email, among its members. A named manager runs the lab but
/// does not choose who else does (403).
/// </summary>
public sealed record NameLabManagers(Guid Id, IReadOnlyList<string> Emails) : ICommand<LabView>;

public sealed class NameLabManagersValidator : AbstractValidator<NameLabManagers>
{
    public NameLabManagersValidator()
    {
        RuleFor(c => c.Emails).NotEmpty().Must(e => e.Count <= 50);
        RuleForEach(c => c.Emails).NotEmpty().EmailAddress();
    }
}

public sealed class NameLabManagersHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<NameLabManagers, LabView>
{
    public async ValueTask<LabView> Handle(NameLabManagers command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.Id, currentUser, cancellationToken);
        if (!await db.IsOwnerAsync(lab.OrganizationId, currentUser.RequireId(), cancellationToken))
            throw OrganizationAccess.NotOwner();
        var emails = command.Emails.Select(e => e.Trim().ToUpperInvariant()).Distinct().ToList();
        var members = await db.OrganizationMembers.Where(m => m.OrganizationId == lab.OrganizationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.NormalizedEmail })
            .Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        if (members.Count != emails.Count)
            throw new DomainRuleException("manager_not_member", Texts.Get("Rule_manager_not_member"));
        var now = clock.GetUtcNow();
        lab.NameManagers(members, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(lab.Id, currentUser.Id, now, cancellationToken);
    }
}
