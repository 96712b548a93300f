namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        builder.ToTable("loans", t => t.HasCheckConstraint("ck_loans_days", "return_on >= pickup_on"));
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Purpose).HasMaxLength(Loan.PurposeMaxLength);
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasOne<SharedResource>().WithMany().HasForeignKey(l => l.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.BorrowerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.ResourceId, l.PickupOn });
        builder.HasIndex(l => new { l.BorrowerId, l.PickupOn });
        builder.HasMany(l => l.History).WithOne().HasForeignKey(c => c.LoanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LoanChangeConfiguration : IEntityTypeConfiguration<LoanChange>
{
    public void Configure(EntityTypeBuilder<LoanChange> builder)
    {
        builder.ToTable("loan_changes");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Note).HasMaxLength(Loan.NoteMaxLength * 2 + 3);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.LoanId, c.At });
    }
}

/// <summary>The units of a day: taken and given back by atomic UPDATEs (see <c>LoanUnits</c>), never more promised or out of service than exist.</summary>
internal sealed class LoanDayConfiguration : IEntityTypeConfiguration<LoanDay>
{
    public void Configure(EntityTypeBuilder<LoanDay> builder)
    {
        builder.ToTable("loan_days", t =>
        {
            t.HasCheckConstraint("ck_loan_days_units", "units_taken >= 0 AND units_taken <= units");
            t.HasCheckConstraint("ck_loan_days_out_of_service", "units_out_of_service >= 0 AND units_out_of_service <= units");
            t.HasCheckConstraint("ck_loan_days_held_late", "units_held_late >= 0");
        });
        builder.Property(d => d.UnitsOutOfService).HasDefaultValue(0);
        builder.Property(d => d.UnitsHeldLate).HasDefaultValue(0);
        builder.HasKey(d => new { d.ResourceId, d.Day });
        builder.HasOne<SharedResource>().WithMany().HasForeignKey(d => d.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitOutageConfiguration : IEntityTypeConfiguration<UnitOutage>
{
    public void Configure(EntityTypeBuilder<UnitOutage> builder)
    {
        builder.ToTable("unit_outages", t => t.HasCheckConstraint("ck_unit_outages_days", "last_day >= first_day AND units > 0"));
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.UnitLabel).HasMaxLength(LendingPolicy.LabelMaxLength);
        builder.Property(o => o.Reason).HasMaxLength(Loan.NoteMaxLength);
        builder.HasOne<SharedResource>().WithMany().HasForeignKey(o => o.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.ResourceId, o.LastDay });
    }
}
