namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("outgoing_emails");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.To).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        builder.Property(e => e.TextBody).IsRequired();
        builder.HasIndex(e => e.CreatedAt).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outgoing_emails_unsent");
    }
}
