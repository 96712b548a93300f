using SharingPlatform.Application.Reports;

namespace SharingPlatform.Infrastructure.Data.Configurations;

/// <summary>
/// One open report per person and subject (<c>ux_reports_one_open_per_reporter</c>, a unique partial index); a decision
/// locks the report's row first.
/// </summary>
internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SubjectType).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Details).HasMaxLength(Report.DetailsMaxLength);
        builder.Property(r => r.Note).HasMaxLength(Report.NoteMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.DeciderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ReporterId, r.SubjectType, r.SubjectId }).IsUnique()
            .HasFilter("status = 'Open'").HasDatabaseName(ReportSubjects.OneOpenConstraint);
        builder.HasIndex(r => new { r.SubjectType, r.SubjectId, r.CreatedAt });
        builder.HasIndex(r => r.CreatedAt).HasFilter("status = 'Open'").HasDatabaseName("ix_reports_open_created_at");
    }
}
