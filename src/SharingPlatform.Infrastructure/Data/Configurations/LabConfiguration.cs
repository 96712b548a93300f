using SharingPlatform.Application.Labs;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class LabConfiguration : IEntityTypeConfiguration<Lab>
{
    public void Configure(EntityTypeBuilder<Lab> builder)
    {
        builder.ToTable("labs");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Name).HasMaxLength(Lab.NameMaxLength).IsRequired();
        builder.Property(l => l.Description).HasMaxLength(Lab.DescriptionMaxLength);
        builder.Property(l => l.SafetyRules).HasMaxLength(Lab.SafetyRulesMaxLength);
        builder.Property(l => l.Municipality).HasMaxLength(16);
        builder.Property(l => l.Address).HasMaxLength(200);
        builder.Property(l => l.StatusReason).HasMaxLength(1000);
        builder.Property(l => l.Version).IsRowVersion();
        // The timetable is read and written whole, with the lab: one jsonb column.
        builder.Property(l => l.Timetable).IsJson();
        builder.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.Status, l.Municipality });
        builder.HasIndex(l => l.OrganizationId);
        builder.HasIndex(l => l.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasMany(l => l.Photos).WithOne().HasForeignKey(p => p.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Photos).HasField("_photos").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LabPhotoConfiguration : IEntityTypeConfiguration<LabPhoto>
{
    public void Configure(EntityTypeBuilder<LabPhoto> builder)
    {
        builder.ToTable("lab_photos");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.FileName).HasMaxLength(100);
        builder.Property(p => p.ThumbnailFileName).HasMaxLength(100);
    }
}

internal sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> builder)
    {
        builder.ToTable("lab_equipment");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(Equipment.NameMaxLength).IsRequired();
        builder.Property(e => e.Model).HasMaxLength(Equipment.ModelMaxLength);
        builder.Property(e => e.Description).HasMaxLength(Equipment.DescriptionMaxLength);
        builder.Property(e => e.QualificationName).HasMaxLength(Equipment.NameMaxLength);
        builder.Property(e => e.PhotoFileName).HasMaxLength(100);
        builder.Property(e => e.OutOfServiceReason).HasMaxLength(1000);
        builder.HasOne<Lab>().WithMany().HasForeignKey(e => e.LabId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.LabId);
    }
}

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.ToTable("lab_qualifications");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.RevokedReason).HasMaxLength(Qualification.ReasonMaxLength);
        builder.HasOne<Lab>().WithMany().HasForeignKey(q => q.LabId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Equipment>().WithMany().HasForeignKey(q => q.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(q => q.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(q => q.GrantedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(q => q.RevokedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.UserId, q.EquipmentId }).IsUnique().HasFilter("revoked_at IS NULL")
            .HasDatabaseName(LabConflicts.QualificationConstraint);
        builder.HasIndex(q => new { q.LabId, q.ValidUntil });
    }
}

internal sealed class LabBookingConfiguration : IEntityTypeConfiguration<LabBooking>
{
    public void Configure(EntityTypeBuilder<LabBooking> builder)
    {
        builder.ToTable("lab_bookings");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.StatusReason).HasMaxLength(LabBooking.ReasonMaxLength);
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasOne<Lab>().WithMany().HasForeignKey(b => b.LabId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.BookerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.StatusChangedBy).OnDelete(DeleteBehavior.Restrict);
        // One holding session per person per slot of a lab.
        builder.HasIndex(b => new { b.LabId, b.SlotStartsAt, b.BookerId }).IsUnique()
            .HasFilter("status IN ('Booked', 'CheckedIn', 'Completed')")
            .HasDatabaseName(LabConflicts.OnePerPersonConstraint);
        builder.HasIndex(b => new { b.BookerId, b.SlotStartsAt });
        // What the settling job looks for: sessions still booked.
        builder.HasIndex(b => b.SlotStartsAt).HasFilter("status = 'Booked'").HasDatabaseName("ix_lab_bookings_settling");

        builder.HasMany(b => b.Equipment).WithOne().HasForeignKey(e => e.LabBookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Equipment).HasField("_equipment").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LabBookingEquipmentConfiguration : IEntityTypeConfiguration<LabBookingEquipment>
{
    public void Configure(EntityTypeBuilder<LabBookingEquipment> builder)
    {
        builder.ToTable("lab_booking_equipment");
        builder.HasKey(e => new { e.LabBookingId, e.EquipmentId });
        builder.HasOne<Equipment>().WithMany().HasForeignKey(e => e.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        // A piece of equipment is held once per slot: unreleased rows are unique per (equipment, slot start).
        builder.HasIndex(e => new { e.EquipmentId, e.SlotStartsAt }).IsUnique().HasFilter("NOT released")
            .HasDatabaseName(LabConflicts.EquipmentConstraint);
    }
}

/// <summary>The seat counter of a slot: taken and released by atomic UPDATEs (see <c>LabSeats</c>).</summary>
internal sealed class LabSlotSeatsConfiguration : IEntityTypeConfiguration<LabSlotSeats>
{
    public void Configure(EntityTypeBuilder<LabSlotSeats> builder)
    {
        builder.ToTable("lab_slots", t => t.HasCheckConstraint("ck_lab_slots_seats", "seats_taken >= 0 AND seats_taken <= seats"));
        builder.HasKey(s => new { s.LabId, s.StartsAt });
        builder.HasOne<Lab>().WithMany().HasForeignKey(s => s.LabId).OnDelete(DeleteBehavior.Cascade);
    }
}
