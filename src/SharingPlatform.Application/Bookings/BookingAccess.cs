using SharingPlatform.Application.Organizations;

namespace SharingPlatform.Application.Bookings;

/// <summary>A booking is seen by its booker, the owning organization's members and administrators; anyone else gets 404.</summary>
public static class BookingAccess
{
    public sealed record Loaded(Booking Booking, Guid OrganizationId, Guid UserId, bool IsBooker, bool IsOwnerSide, bool OrganizationSuspended = false);

    public static Exception NotFound() => new NotFoundException(Texts.Get("NoSuchBooking"));

    /// <summary>Loads the booking, tracked, for a change by the caller.</summary>
    public static async Task<Loaded> LoadAsync(this IApplicationDbContext db, Guid bookingId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var found = await db.Bookings
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { Booking = b, r.OrganizationId })
            .SingleOrDefaultAsync(x => x.Booking.Id == bookingId, cancellationToken)
            ?? throw NotFound();
        var isBooker = found.Booking.BookerId == userId;
        var isOwnerSide = await db.IsMemberAsync(found.OrganizationId, userId, cancellationToken);
        if (!isBooker && !isOwnerSide && !currentUser.IsInRole(Roles.Administrator))
            throw NotFound();
        var suspended = isOwnerSide && await db.IsSuspendedAsync(found.OrganizationId, cancellationToken);
        return new Loaded(found.Booking, found.OrganizationId, userId, isBooker, isOwnerSide, suspended);
    }

    /// <summary>Only the booker and the owning organization cancel; an administrator who may see it gets 403.</summary>
    public static void RequireBookerOrOwnerSide(this Loaded loaded)
    {
        if (!loaded.IsBooker && !loaded.IsOwnerSide)
            throw new ForbiddenException(Texts.Get("OnlyBookerOrOwnerCancels"));
        if (!loaded.IsBooker && loaded.OrganizationSuspended)
            throw OrganizationSuspension.Suspended();
    }

    /// <summary>Only the owning organization decides on a request or checks in; the booker who may see it gets 403.</summary>
    public static void RequireOwnerSide(this Loaded loaded)
    {
        if (!loaded.IsOwnerSide)
            throw new ForbiddenException(Texts.Get("OnlyOwnerOrganization"));
        if (loaded.OrganizationSuspended)
            throw OrganizationSuspension.Suspended();
    }
}
