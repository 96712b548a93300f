using SharingPlatform.Domain.Emails;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Accounts;

/// <summary>The emails of the account use cases, in the recipient's preferred language.</summary>
public static class AccountEmails
{
    public static OutgoingEmail Confirmation(User user, Uri link, DateTimeOffset now) => user.PreferredLanguage == Language.English
        ? OutgoingEmail.Write(user.Email!, "Confirm your SharingPlatform account",
            $"Hello {user.DisplayName},\n\nOpen this link to confirm your email address and finish signing up:\n{link}\n\nThe link is valid for 24 hours. If you did not sign up, ignore this email.\n\nSharingPlatform (Jeonbuk sharing economy)", now)
        : OutgoingEmail.Write(user.Email!, "[공유경제 플랫폼] 이메일 주소를 확인해 주세요",
            $"{user.DisplayName}님, 안녕하세요.\n\n아래 링크를 열어 이메일 주소를 확인하고 가입을 마치세요.\n{link}\n\n링크는 24시간 동안 유효합니다. 가입한 적이 없다면 이 메일을 무시하세요.\n\n전북 공유경제 플랫폼", now);

    public static OutgoingEmail AlreadyRegistered(User user, Uri signInLink, DateTimeOffset now) => user.PreferredLanguage == Language.English
        ? OutgoingEmail.Write(user.Email!, "You already have a SharingPlatform account",
            $"Hello {user.DisplayName},\n\nSomeone tried to sign up with this email address, but it already has an account. Sign in here (you can reset your password on that page):\n{signInLink}\n\nIf it was not you, ignore this email.\n\nSharingPlatform (Jeonbuk sharing economy)", now)
        : OutgoingEmail.Write(user.Email!, "[공유경제 플랫폼] 이미 가입된 이메일입니다",
            $"{user.DisplayName}님, 안녕하세요.\n\n이 이메일 주소로 가입하려는 시도가 있었지만 이미 계정이 있습니다. 아래에서 로그인하세요(비밀번호를 잊었다면 그 화면에서 재설정할 수 있습니다).\n{signInLink}\n\n본인이 아니라면 이 메일을 무시하세요.\n\n전북 공유경제 플랫폼", now);

    public static OutgoingEmail PasswordReset(User user, Uri link, DateTimeOffset now) => user.PreferredLanguage == Language.English
        ? OutgoingEmail.Write(user.Email!, "Reset your SharingPlatform password",
            $"Hello {user.DisplayName},\n\nOpen this link to choose a new password:\n{link}\n\nIf you did not ask for this, ignore this email; your password stays as it is.\n\nSharingPlatform (Jeonbuk sharing economy)", now)
        : OutgoingEmail.Write(user.Email!, "[공유경제 플랫폼] 비밀번호 재설정",
            $"{user.DisplayName}님, 안녕하세요.\n\n아래 링크를 열어 새 비밀번호를 정하세요.\n{link}\n\n요청한 적이 없다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.\n\n전북 공유경제 플랫폼", now);
}
