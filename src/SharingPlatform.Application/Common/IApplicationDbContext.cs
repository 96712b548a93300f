using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Favourites;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Proposals;
using SharingPlatform.Domain.Reviews;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Common;

public interface IApplicationDbContext
{
    DbSet<User> Users { get; }
    DbSet<OutgoingEmail> OutgoingEmails { get; }
    DbSet<Organization> Organizations { get; }
    DbSet<OrganizationMember> OrganizationMembers { get; }
    DbSet<OrganizationInvitation> OrganizationInvitations { get; }
    DbSet<SharedResource> Resources { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Booking> Bookings { get; }
    DbSet<BookingChange> BookingChanges { get; }
    DbSet<Loan> Loans { get; }
    DbSet<LoanDay> LoanDays { get; }
    DbSet<UnitOutage> UnitOutages { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<Reminder> Reminders { get; }
    DbSet<IdentityRole<Guid>> Roles { get; }
    DbSet<IdentityUserRole<Guid>> UserRoles { get; }
    DbSet<Lab> Labs { get; }
    DbSet<Equipment> Equipment { get; }
    DbSet<Qualification> Qualifications { get; }
    DbSet<LabBooking> LabBookings { get; }
    DbSet<LabBookingEquipment> LabBookingEquipment { get; }
    DbSet<LabSlotSeats> LabSlots { get; }
    DbSet<Circle> Circles { get; }
    DbSet<CircleMember> CircleMembers { get; }
    DbSet<Meeting> Meetings { get; }
    DbSet<Rsvp> Rsvps { get; }
    DbSet<Report> Reports { get; }
    DbSet<Favourite> Favourites { get; }
    DbSet<ChangeRequest> ChangeRequests { get; }
    DbSet<UserSession> UserSessions { get; }
    DbSet<SignInThrottle> SignInThrottles { get; }
    DbSet<IdempotentRequest> IdempotentRequests { get; }
    DbSet<RateLimitWindow> RateLimitWindows { get; }
    DbSet<Proposal> Proposals { get; }
    DbSet<ProposalSupport> ProposalSupports { get; }
    DbSet<Review> Reviews { get; }
    DbSet<ReviewRequest> ReviewRequests { get; }
    DbSet<Story> Stories { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
