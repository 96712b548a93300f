using SharingPlatform.Domain.Notifications;

namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.RecipientId, n.Kind, n.SubjectId, n.DueAt }).IsUnique().HasDatabaseName("ux_notifications_once");
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_notifications_inbox");
        builder.HasIndex(n => n.RecipientId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reminders");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RecipientId, r.Kind, r.SubjectId, r.DueAt }).IsUnique().HasDatabaseName("ux_reminders_once");
        builder.HasIndex(r => r.DueAt).HasFilter("sent_at IS NULL").HasDatabaseName("ix_reminders_due");
        builder.HasIndex(r => r.SubjectId);
    }
}
