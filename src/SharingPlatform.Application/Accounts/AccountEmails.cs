namespace SharingPlatform.Application.Accounts;

/// <summary>The emails of the account use cases, in the recipient's preferred language.</summary>
public static class AccountEmails
{
    public static OutgoingEmail Confirmation(User user, Uri link, DateTimeOffset now) =>
        OutgoingEmail.Write(user.Email!, Texts.Get(user.PreferredLanguage, "Email_Confirmation_Subject"),
            Texts.Get(user.PreferredLanguage, "Email_Confirmation_Body", user.DisplayName, link), now);

    public static OutgoingEmail AlreadyRegistered(User user, Uri signInLink, DateTimeOffset now) =>
        OutgoingEmail.Write(user.Email!, Texts.Get(user.PreferredLanguage, "Email_AlreadyRegistered_Subject"),
            Texts.Get(user.PreferredLanguage, "Email_AlreadyRegistered_Body", user.DisplayName, signInLink), now);

    public static OutgoingEmail PasswordReset(User user, Uri link, DateTimeOffset now) =>
        OutgoingEmail.Write(user.Email!, Texts.Get(user.PreferredLanguage, "Email_PasswordReset_Subject"),
            Texts.Get(user.PreferredLanguage, "Email_PasswordReset_Body", user.DisplayName, link), now);
}
