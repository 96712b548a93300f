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
        Description = Texts.Get("PasswordTooShort", length),
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = Texts.Get("PasswordRequiresUniqueChars", uniqueChars),
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = Texts.Get("PasswordMismatch"),
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = Texts.Get("InvalidToken"),
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = Texts.Get("DuplicateEmail"),
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = Texts.Get("DuplicateEmail"),
    };

    public override IdentityError InvalidEmail(string? email) => new()
    {
        Code = nameof(InvalidEmail),
        Description = Texts.Get("InvalidEmail"),
    };
}
