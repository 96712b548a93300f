using SharingPlatform.Domain.ChangeRequests;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>One pending request per subject is the unique partial index's to settle, however many save at once.</summary>
internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.ToTable("change_requests");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SubjectKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ProposedContent).HasColumnType("jsonb");
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SubjectKind, c.SubjectId }).IsUnique()
            .HasFilter("status = 'Pending'").HasDatabaseName("ux_change_requests_one_pending");
        builder.HasIndex(c => new { c.Status, c.SubmittedAt });
    }
}
