using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Resources;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>
/// The migration adds the exclusion constraint <c>ex_bookings_no_overlap</c>: two pending or confirmed bookings of one
/// resource never overlap, buffer included (tstzrange(starts_at, blocked_until)).
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
        builder.Property(b => b.StatusReason).HasMaxLength(1000);
        builder.HasOne<SharedResource>().WithMany().HasForeignKey(b => b.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.BookerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.BookerId, b.StartsAt });
        builder.HasIndex(b => new { b.ResourceId, b.StartsAt });
    }
}
