namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>The bootstrap administrator, created (or promoted) at start when both are set.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "도 관리자";
}
