using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Accounts;

/// <summary>Turns Identity's refusals into field errors (400) in the caller's language.</summary>
public static class IdentityErrors
{
    public static void ThrowIfFailed(this IdentityResult result)
    {
        if (result.Succeeded)
            return;
        throw new ValidationException(result.Errors
            .Select(e => new ValidationFailure(FieldOf(e.Code), e.Description) { ErrorCode = e.Code })
            .ToList());
    }

    private static string FieldOf(string code) => code switch
    {
        "PasswordMismatch" => "currentPassword",
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "email",
        "InvalidToken" => "code",
        _ => "",
    };
}

/// <summary>Identity's messages in Korean or English, following the request's culture.</summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = Texts.Pick($"비밀번호는 {length}자 이상이어야 합니다.", $"Passwords must be at least {length} characters."),
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = Texts.Pick($"비밀번호에는 서로 다른 문자가 {uniqueChars}개 이상 있어야 합니다.",
            $"Passwords must use at least {uniqueChars} different characters."),
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = Texts.Pick("현재 비밀번호가 맞지 않습니다.", "The current password is not correct."),
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = Texts.Pick("링크가 올바르지 않거나 만료되었습니다. 새 메일을 요청하세요.",
            "The link is invalid or has expired. Ask for a new email."),
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = Texts.Pick("이미 가입된 이메일입니다.", "This email is already registered."),
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = Texts.Pick("이미 가입된 이메일입니다.", "This email is already registered."),
    };

    public override IdentityError InvalidEmail(string? email) => new()
    {
        Code = nameof(InvalidEmail),
        Description = Texts.Pick("올바른 이메일 주소가 아닙니다.", "This is not a valid email address."),
    };
}
