namespace SharingPlatform.Application.Common;

/// <summary>
/// Told, after the change is saved, that a person's sessions may have ended: signed out, suspended, or a new security
/// stamp. A node that keeps its session checks in memory forgets the person's at once; the other nodes hear it from
/// PostgreSQL (see the migration SessionChangeNotices).
/// </summary>
public interface ISessionChanges
{
    void Changed(Guid userId);
}
