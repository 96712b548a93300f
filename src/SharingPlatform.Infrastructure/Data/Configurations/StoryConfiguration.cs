using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.ToTable("stories");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(Story.TitleMaxLength);
        builder.Property(s => s.BodyMarkdown).HasMaxLength(Story.BodyMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.StatusReason).HasMaxLength(1000);
        builder.Property(s => s.CoverFileName).HasMaxLength(64);
        builder.Property(s => s.CoverThumbnailFileName).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.Status, s.PublishedAt });
        builder.HasIndex(s => s.OrganizationId);
        builder.HasIndex(s => s.AuthorId);
        builder.OwnsMany(s => s.Links, link =>
        {
            link.ToTable("story_links");
            link.WithOwner().HasForeignKey("StoryId");
            link.Property(l => l.Type).HasConversion<string>().HasMaxLength(16);
            link.Property(l => l.Id).HasColumnName("target_id");
            link.HasKey("StoryId", nameof(StoryLink.Type), nameof(StoryLink.Id));
            link.HasIndex(l => l.Id);
        });
        builder.Navigation(s => s.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
