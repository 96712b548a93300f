using SharingPlatform.Application.Organizations;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// Who may see and run a lab. The public sees published labs of verified organizations; the organization's members and
/// administrators see every state. Its managers (and the organization's owners) run it: equipment, qualifications,
/// check-in, usage, and not while the organization is suspended (409 organization_suspended). Whoever may not see a lab gets 404; whoever sees it but does not run it gets 403.
/// </summary>
public static class LabAccess
{
    public static Exception NotFound() => new NotFoundException(Texts.Get("NoSuchLab"));

    public static Exception NotManager() => new ForbiddenException(Texts.Get("OnlyLabManagers"));

    public static IQueryable<Lab> PubliclyVisible(this IApplicationDbContext db) =>
        db.Labs.Where(l => l.Status == LabStatus.Published
            && db.Organizations.Any(o => o.Id == l.OrganizationId && o.Status == OrganizationStatus.Verified));

    /// <summary>The labs <paramref name="userId"/> may see: public ones, those of their organizations, all for an administrator.</summary>
    public static IQueryable<Lab> VisibleTo(this IApplicationDbContext db, Guid? userId, bool isAdministrator) =>
        isAdministrator
            ? db.Labs
            : db.Labs.Where(l => (l.Status == LabStatus.Published
                    && db.Organizations.Any(o => o.Id == l.OrganizationId && o.Status == OrganizationStatus.Verified))
                || db.OrganizationMembers.Any(m => m.OrganizationId == l.OrganizationId && m.UserId == userId));

    /// <summary>
    /// The labs <paramref name="userId"/> runs: named a manager, or an owner of the lab's organization, and in both cases a
    /// current member of it, so a manager list that still names someone who left grants nothing.
    /// </summary>
    public static IQueryable<Lab> ManagedBy(this IApplicationDbContext db, Guid userId) =>
        db.Labs.Where(l => db.OrganizationMembers.Any(m => m.OrganizationId == l.OrganizationId && m.UserId == userId
            && (m.Role == MemberRole.Owner || l.ManagerIds.Contains(userId))));

    public static bool IsAdministrator(this ICurrentUser currentUser) => currentUser.IsInRole(Roles.Administrator);

    /// <summary>Loads a lab (tracked) for one of its managers to change: 404 for who may not see it, 403 for who may.</summary>
    public static async Task<Lab> LoadForManagerAsync(this IApplicationDbContext db, Guid labId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var lab = await db.VisibleTo(userId, currentUser.IsAdministrator()).SingleOrDefaultAsync(l => l.Id == labId, cancellationToken)
            ?? throw NotFound();
        if (!await db.IsManagerAsync(lab, userId, cancellationToken))
            throw NotManager();
        await db.RequireNotSuspendedAsync(lab.OrganizationId, cancellationToken);
        return lab;
    }

    /// <summary>As <see cref="RequireManagerAsync"/>, for a change: 409 organization_suspended while the organization is suspended.</summary>
    public static async Task<Guid> RequireManagerToChangeAsync(this IApplicationDbContext db, Guid labId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = await db.RequireManagerAsync(labId, currentUser, cancellationToken);
        var organizationId = await db.Labs.Where(l => l.Id == labId).Select(l => l.OrganizationId).SingleAsync(cancellationToken);
        await db.RequireNotSuspendedAsync(organizationId, cancellationToken);
        return userId;
    }

    /// <summary>Answers 404 or 403 unless the caller runs the lab; for reads that need no tracked lab.</summary>
    public static async Task<Guid> RequireManagerAsync(this IApplicationDbContext db, Guid labId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var lab = await db.VisibleTo(userId, currentUser.IsAdministrator()).AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == labId, cancellationToken) ?? throw NotFound();
        if (!await db.IsManagerAsync(lab, userId, cancellationToken))
            throw NotManager();
        return userId;
    }

    public static Task<bool> IsManagerAsync(this IApplicationDbContext db, Lab lab, Guid userId, CancellationToken cancellationToken)
    {
        var named = lab.IsManager(userId);
        return db.OrganizationMembers.AnyAsync(m => m.OrganizationId == lab.OrganizationId && m.UserId == userId
            && (m.Role == MemberRole.Owner || named), cancellationToken);
    }

    /// <summary>The lab's named managers who are still members of its organization: the ones pages show and notices reach.</summary>
    public static Task<List<Guid>> CurrentManagerIdsAsync(this IApplicationDbContext db, Lab lab, CancellationToken cancellationToken)
    {
        var named = lab.ManagerIds.ToList();
        return db.OrganizationMembers.Where(m => m.OrganizationId == lab.OrganizationId && named.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(cancellationToken);
    }

    public static async Task RequireVerifiedAsync(this IApplicationDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var status = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Status).SingleAsync(cancellationToken);
        if (status != OrganizationStatus.Verified)
            throw new DomainRuleException("organization_not_verified", Texts.Get("Rule_organization_not_verified"));
    }

    /// <summary>Loads a lab booking (tracked) with the lab; 404 unless the caller is its booker, a manager of the lab or an administrator.</summary>
    public static async Task<(LabBooking Booking, Lab Lab, Guid UserId, bool IsManager)> LoadBookingAsync(
        this IApplicationDbContext db, Guid bookingId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var booking = await db.LabBookings.Include(b => b.Equipment).SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken)
            ?? throw BookingNotFound();
        var lab = await db.Labs.SingleAsync(l => l.Id == booking.LabId, cancellationToken);
        var isManager = await db.IsManagerAsync(lab, userId, cancellationToken);
        if (booking.BookerId != userId && !isManager && !currentUser.IsAdministrator()
            && !await db.IsMemberAsync(lab.OrganizationId, userId, cancellationToken))
            throw BookingNotFound();
        return (booking, lab, userId, isManager);
    }

    /// <summary>A manager acting on someone's session (cancel, check in, usage): not while the organization is suspended.</summary>
    public static Task RequireManagerMayActAsync(this IApplicationDbContext db, Lab lab, CancellationToken cancellationToken) =>
        db.RequireNotSuspendedAsync(lab.OrganizationId, cancellationToken);

    public static Exception BookingNotFound() => new NotFoundException(Texts.Get("NoSuchLabSession"));
}
