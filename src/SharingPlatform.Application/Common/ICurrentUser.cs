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
