using Microsoft.AspNetCore.Identity;
using SharingPlatform.Domain.Common;

namespace SharingPlatform.Domain.Users;

/// <summary>A person with an account: a resident, an organization's staff, an administrator.</summary>
public sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 50;

    private User()
    {
    }

    public string DisplayName { get; private set; } = "";
    public Language PreferredLanguage { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    public static User Register(string email, string displayName, Language preferredLanguage, DateTimeOffset now)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            Email = email.Trim(),
            UserName = email.Trim(),
            RegisteredAt = now.ToUniversalTime(),
        };
        user.Rename(displayName);
        user.PreferredLanguage = preferredLanguage;
        return user;
    }

    public void Rename(string displayName)
    {
        var trimmed = displayName.Trim();
        if (trimmed.Length == 0 || trimmed.Length > DisplayNameMaxLength)
            throw new DomainRuleException("invalid_display_name", $"A display name has 1 to {DisplayNameMaxLength} characters.");
        DisplayName = trimmed;
    }

    public void PreferLanguage(Language language) => PreferredLanguage = language;
}
