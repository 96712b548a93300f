namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>
/// The migration adds the exclusion constraint <c>ex_bookings_no_overlap</c>: two pending or confirmed bookings of one
/// resource never overlap, buffer included (tstzrange(starts_at, blocked_until)). The free-period search reads the
/// bookings that meet a period from <c>ix_bookings_free_period_search</c> (migration FreePeriodSearchIndex);
/// <c>ix_bookings_holding_period</c>, which the release before reads, stays until the next release drops it.
/// </summary>
internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public const string NoOverlapConstraint = "ex_bookings_no_overlap";

    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Purpose).HasMaxLength(Booking.PurposeMaxLength);
        builder.Property(b => b.StatusReason).HasMaxLength(Booking.ReasonMaxLength);
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasOne<SharedResource>().WithMany().HasForeignKey(b => b.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.BookerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.BookerId, b.StartsAt });
        builder.HasIndex(b => new { b.ResourceId, b.StartsAt });
        builder.HasIndex(b => b.SeriesId).HasFilter("series_id IS NOT NULL");
        // What the settling job looks for: bookings still confirmed or checked in.
        builder.HasIndex(b => b.StartsAt).HasFilter("status IN ('Confirmed', 'CheckedIn')").HasDatabaseName("ix_bookings_settling");

        builder.HasMany(b => b.History).WithOne().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BookingChangeConfiguration : IEntityTypeConfiguration<BookingChange>
{
    public void Configure(EntityTypeBuilder<BookingChange> builder)
    {
        builder.ToTable("booking_changes");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(Booking.ReasonMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.BookingId, c.At });
    }
}
