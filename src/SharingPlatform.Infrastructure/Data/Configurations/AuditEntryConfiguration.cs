using SharingPlatform.Domain.Audit;

namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>Append-only: the migration adds a trigger that refuses UPDATE and DELETE on the table.</summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.SubjectType).HasMaxLength(32);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.Property(a => a.Before).HasMaxLength(64);
        builder.Property(a => a.After).HasMaxLength(64);
        builder.HasIndex(a => a.ActorId);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
    }
}
