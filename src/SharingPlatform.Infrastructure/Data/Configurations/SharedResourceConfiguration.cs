using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class SharedResourceConfiguration : IEntityTypeConfiguration<SharedResource>
{
    public void Configure(EntityTypeBuilder<SharedResource> builder)
    {
        builder.ToTable("resources");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Title).HasMaxLength(SharedResource.TitleMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(SharedResource.DescriptionMaxLength);
        builder.Property(r => r.Municipality).HasMaxLength(16);
        builder.Property(r => r.Address).HasMaxLength(200);
        builder.Property(r => r.FeeNote).HasMaxLength(200);
        builder.Property(r => r.StatusReason).HasMaxLength(1000);
        builder.Property(r => r.Version).IsRowVersion();
        // The policy is read and written whole, with the resource: one jsonb column.
        builder.Property(r => r.Policy).IsJson();
        // Lent resources only (goods): the units and rules of lending, whole, beside the policy.
        builder.Property(r => r.Lending).IsJson();

        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.Municipality, r.Category });
        // Text search reads the title and description lowered once, when they are written: ILIKE would lower every
        // matching row again on every search.
        builder.Property<string>(SearchResourcesHandler.TitleLowered).IsRequired().HasComputedColumnSql("lower(title)", stored: true);
        builder.Property<string>(SearchResourcesHandler.DescriptionLowered).IsRequired().HasComputedColumnSql("lower(description)", stored: true);
        builder.HasIndex(SearchResourcesHandler.TitleLowered).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(SearchResourcesHandler.DescriptionLowered).HasMethod("gin").HasOperators("gin_trgm_ops");

        builder.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Photos).HasField("_photos").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ResourcePhotoConfiguration : IEntityTypeConfiguration<ResourcePhoto>
{
    public void Configure(EntityTypeBuilder<ResourcePhoto> builder)
    {
        builder.ToTable("resource_photos");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.FileName).HasMaxLength(100);
        builder.Property(p => p.ThumbnailFileName).HasMaxLength(100);
    }
}
