using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>
/// The key (person, subject type, subject) is what makes saving idempotent: a save is an <c>INSERT … ON CONFLICT DO
/// NOTHING</c>, so two at once leave one row. The subject's index finds who follows a circle.
/// </summary>
internal sealed class FavouriteConfiguration : IEntityTypeConfiguration<Favourite>
{
    public void Configure(EntityTypeBuilder<Favourite> builder)
    {
        builder.ToTable("favourites");
        builder.HasKey(f => new { f.UserId, f.SubjectType, f.SubjectId });
        builder.Property(f => f.SubjectType).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.UserId, f.SavedAt }).IsDescending(false, true).HasDatabaseName("ix_favourites_newest");
        builder.HasIndex(f => new { f.SubjectType, f.SubjectId });
    }
}
