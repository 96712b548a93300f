namespace SharingPlatform.Domain.Favourites;

/// <summary>What a person can keep in their favourites.</summary>
public enum FavouriteSubject
{
    Resource,
    Lab,
    Circle,
}

/// <summary>
/// A person keeps a resource, a lab or a circle to come back to. (person, subject type, subject) is the key: the database
/// keeps one row however often, or however many times at once, it is saved.
/// </summary>
public sealed class Favourite
{
    private Favourite()
    {
    }

    public Guid UserId { get; private set; }
    public FavouriteSubject SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }

    public static Favourite Save(Guid userId, FavouriteSubject subjectType, Guid subjectId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(subjectType))
            throw new ArgumentOutOfRangeException(nameof(subjectType));
        return new Favourite { UserId = userId, SubjectType = subjectType, SubjectId = subjectId, SavedAt = now.ToUniversalTime() };
    }
}
