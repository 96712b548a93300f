using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>
/// A suspended organization's members change nothing of it (its resources, labs, equipment, bookings, members) until an
/// administrator restores it: 409 with the code <c>organization_suspended</c>. The access helpers of each feature call this
/// on their write paths, so every change gets the same answer.
/// </summary>
public static class OrganizationSuspension
{
    public const string Code = "organization_suspended";

    public static ConflictException Suspended() => new(Texts.Get("OrganizationSuspended"), Code);

    public static Task<bool> IsSuspendedAsync(this IApplicationDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AnyAsync(o => o.Id == organizationId && o.Status == OrganizationStatus.Suspended, cancellationToken);

    public static async Task RequireNotSuspendedAsync(this IApplicationDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        if (await db.IsSuspendedAsync(organizationId, cancellationToken))
            throw Suspended();
    }
}
