namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId).HasFilter("revoked_at IS NULL").HasDatabaseName("ix_user_sessions_live");
        builder.HasIndex(s => s.ExpiresAt).HasDatabaseName("ix_user_sessions_expires_at");
        builder.HasIndex(s => s.RevokedAt).HasFilter("revoked_at IS NOT NULL").HasDatabaseName("ix_user_sessions_revoked_at");
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => new { t.NormalizedEmail, t.ClientAddress });
        builder.Property(t => t.NormalizedEmail).HasMaxLength(SignInThrottle.EmailMaxLength);
        builder.Property(t => t.ClientAddress).HasMaxLength(SignInThrottle.AddressMaxLength);
        builder.HasIndex(t => t.LastFailureAt).HasDatabaseName("ix_sign_in_throttles_last_failure_at");
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("idempotent_requests");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.KeyMaxLength);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotent_requests_created_at");
    }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.ToTable("rate_limit_windows");
        builder.HasKey(w => new { w.Partition, w.WindowStart });
        builder.Property(w => w.Partition).HasMaxLength(RateLimitWindow.PartitionMaxLength);
        builder.HasIndex(w => w.WindowStart).HasDatabaseName("ix_rate_limit_windows_window_start");
    }
}
