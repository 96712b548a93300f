using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Accounts;

/// <summary>The signed-in person's own account (<c>GET /api/v1/me</c>, the "my account" page).</summary>
public sealed record GetMyAccount : IQuery<MyAccount>;

public sealed record MyAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string PreferredLanguage,
    IReadOnlyList<string> Roles,
    IReadOnlyList<MyOrganization> Organizations,
    DateTimeOffset? BookingPausedUntil,
    string? CalendarToken);

public sealed record MyOrganization(Guid Id, string Name, string Role);

public sealed class GetMyAccountHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetMyAccount, MyAccount>
{
    public async ValueTask<MyAccount> Handle(GetMyAccount query, CancellationToken cancellationToken)
    {
        var id = currentUser.RequireId();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.BookingPausedUntil, u.CalendarToken,
                Organizations = db.OrganizationMembers
                    .Where(m => m.UserId == u.Id)
                    .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, m.Role })
                    .OrderBy(o => o.Name)
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotSignedInException();
        var roles = Roles.All.Where(currentUser.IsInRole).ToList();

        return new MyAccount(user.Id, user.Email!, user.DisplayName, user.PreferredLanguage.ToCultureName(), roles,
            user.Organizations.Select(o => new MyOrganization(o.Id, o.Name, o.Role == MemberRole.Owner ? "owner" : "staff")).ToList(),
            user.BookingPausedUntil > clock.GetUtcNow() ? user.BookingPausedUntil : null, user.CalendarToken);
    }
}
