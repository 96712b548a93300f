using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>
/// Membership changes lock the circle's row (<c>SELECT … FOR UPDATE</c>) before they count; the check constraint is the
/// last word on the cap.
/// </summary>
internal sealed class CircleConfiguration : IEntityTypeConfiguration<Circle>
{
    public void Configure(EntityTypeBuilder<Circle> builder)
    {
        builder.ToTable("circles", t => t.HasCheckConstraint("ck_circles_member_count", "member_count >= 0 AND member_count <= member_cap"));
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(Circle.TitleMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Circle.DescriptionMaxLength);
        builder.Property(c => c.Municipality).HasMaxLength(16);
        builder.Property(c => c.JoinPolicy).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.StatusReason).HasMaxLength(1000);
        builder.PrimitiveCollection(c => c.Topics);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.Status, c.Municipality });
        builder.HasIndex(c => c.Title).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(c => c.Topics).HasMethod("gin");
    }
}

internal sealed class CircleMemberConfiguration : IEntityTypeConfiguration<CircleMember>
{
    public void Configure(EntityTypeBuilder<CircleMember> builder)
    {
        builder.ToTable("circle_members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.StatusReason).HasMaxLength(1000);
        builder.HasOne<Circle>().WithMany().HasForeignKey(m => m.CircleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.CircleId, m.UserId }).IsUnique().HasDatabaseName("ux_circle_members_circle_user");
        builder.HasIndex(m => new { m.UserId, m.Status });
        builder.HasIndex(m => new { m.CircleId, m.Status });
    }
}

/// <summary>RSVPs, cancellations, capacity changes, moves and cancellations lock the meeting's row first.</summary>
internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings", t => t.HasCheckConstraint("ck_meetings_period", "ends_at > starts_at AND capacity > 0"));
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        builder.Property(m => m.Agenda).HasMaxLength(Meeting.AgendaMaxLength);
        builder.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.CancelReason).HasMaxLength(1000);
        builder.HasOne<Circle>().WithMany().HasForeignKey(m => m.CircleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Booking>().WithMany().HasForeignKey(m => m.BookingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CircleId, m.StartsAt });
        builder.HasIndex(m => m.StartsAt).HasFilter("status = 'Scheduled'").HasDatabaseName("ix_meetings_scheduled");
        builder.HasIndex(m => m.BookingId).HasFilter("booking_id IS NOT NULL");
    }
}

/// <summary>
/// One answer per member and meeting (<c>ux_rsvps_meeting_user</c>); <c>arrival</c> is an identity column, so the
/// waitlist has a strict order that no clock tie can blur.
/// </summary>
internal sealed class RsvpConfiguration : IEntityTypeConfiguration<Rsvp>
{
    public void Configure(EntityTypeBuilder<Rsvp> builder)
    {
        builder.ToTable("rsvps");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Arrival).UseIdentityByDefaultColumn();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MeetingId, r.UserId }).IsUnique().HasDatabaseName("ux_rsvps_meeting_user");
        builder.HasIndex(r => r.Arrival).IsUnique();
        builder.HasIndex(r => new { r.MeetingId, r.Status, r.Arrival });
        builder.HasIndex(r => new { r.UserId, r.Status });
    }
}
