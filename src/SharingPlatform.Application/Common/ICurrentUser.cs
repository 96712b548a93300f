namespace SharingPlatform.Application.Common;

/// <summary>Who is asking: the same for a page (cookie) and the API (bearer token).</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static Guid RequireId(this ICurrentUser user) =>
        user.Id ?? throw new NotSignedInException();
}

public static class AdministratorCheck
{
    /// <summary>Only an administrator may go on (→ 403 for anyone else signed in).</summary>
    public static Guid RequireAdministrator(this ICurrentUser user)
    {
        var id = user.RequireId();
        if (!user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(Texts.Get("OnlyAdministrators"));
        return id;
    }
}
