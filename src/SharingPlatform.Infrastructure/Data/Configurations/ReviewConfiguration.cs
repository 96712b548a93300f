using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>(subject, person) is unique: one review each, however many are sent at once.</summary>
internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reviews", t => t.HasCheckConstraint("ck_reviews_rating", "rating BETWEEN 1 AND 5"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SubjectType).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ListingType).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Text).HasMaxLength(Review.TextMaxLength);
        builder.Property(r => r.Reply).HasMaxLength(Review.TextMaxLength);
        builder.Property(r => r.Standing).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.SuspensionReason).HasMaxLength(1000);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SubjectType, r.SubjectId, r.AuthorId }).IsUnique().HasDatabaseName(ConstraintCodes.ReviewOnePerPerson);
        builder.HasIndex(r => new { r.ListingType, r.ListingId, r.CreatedAt });
        builder.HasIndex(r => r.AuthorId);
    }
}

/// <summary>(subject, person) is the key: a review request is sent once.</summary>
internal sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequest>
{
    public void Configure(EntityTypeBuilder<ReviewRequest> builder)
    {
        builder.ToTable("review_requests");
        builder.HasKey(r => new { r.SubjectType, r.SubjectId, r.UserId });
        builder.Property(r => r.SubjectType).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.UserId);
    }
}
