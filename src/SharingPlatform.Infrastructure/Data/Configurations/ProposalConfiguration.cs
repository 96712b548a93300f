using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Infrastructure.Data.Configurations;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(Proposal.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Proposal.DescriptionMaxLength);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Municipality).HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.StatusReason).HasMaxLength(Proposal.ReasonMaxLength);
        builder.Property(p => p.Standing).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.SuspensionReason).HasMaxLength(Proposal.ReasonMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.ProposerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SharedResource>().WithMany().HasForeignKey(p => p.ResourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => p.ProposerId);
    }
}

/// <summary>The key (proposal, person) is the one vote each: support is an <c>INSERT … ON CONFLICT DO NOTHING</c>.</summary>
internal sealed class ProposalSupportConfiguration : IEntityTypeConfiguration<ProposalSupport>
{
    public void Configure(EntityTypeBuilder<ProposalSupport> builder)
    {
        builder.ToTable("proposal_supports");
        builder.HasKey(s => new { s.ProposalId, s.UserId });
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}
