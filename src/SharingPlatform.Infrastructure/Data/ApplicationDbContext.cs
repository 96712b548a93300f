using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SharingPlatform.Domain.Audit;
using SharingPlatform.Domain.ChangeRequests;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Favourites;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Proposals;
using SharingPlatform.Domain.Reviews;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Infrastructure.Data;

public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IApplicationDbContext, IDataProtectionKeyContext
{
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<OrganizationInvitation> OrganizationInvitations => Set<OrganizationInvitation>();
    public DbSet<SharedResource> Resources => Set<SharedResource>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<BookingChange> BookingChanges => Set<BookingChange>();
    public DbSet<Loan> Loans => Set<Loan>();
    public DbSet<LoanDay> LoanDays => Set<LoanDay>();
    public DbSet<UnitOutage> UnitOutages => Set<UnitOutage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Lab> Labs => Set<Lab>();
    public DbSet<Equipment> Equipment => Set<Equipment>();
    public DbSet<Qualification> Qualifications => Set<Qualification>();
    public DbSet<LabBooking> LabBookings => Set<LabBooking>();
    public DbSet<LabBookingEquipment> LabBookingEquipment => Set<LabBookingEquipment>();
    public DbSet<LabSlotSeats> LabSlots => Set<LabSlotSeats>();
    public DbSet<Circle> Circles => Set<Circle>();
    public DbSet<CircleMember> CircleMembers => Set<CircleMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Rsvp> Rsvps => Set<Rsvp>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Favourite> Favourites => Set<Favourite>();
    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalSupport> ProposalSupports => Set<ProposalSupport>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewRequest> ReviewRequests => Set<ReviewRequest>();
    public DbSet<Story> Stories => Set<Story>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("btree_gist");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
