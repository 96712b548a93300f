using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// Who is asking about a circle, and what they may do. A suspended circle is seen only by its hosts and administrators
/// (404 for everyone else). Host actions are refused with 403 to members, who can see that hosts exist, and 404 to others.
/// </summary>
public sealed record CircleCaller(Circle Circle, Guid? UserId, CircleMember? Membership, bool IsAdministrator)
{
    public bool IsHost => Membership?.IsHost == true;

    public bool IsMember => Membership?.IsActive == true;

    /// <summary>Members, hosts and administrators see the members and who is going.</summary>
    public bool SeesMembers => IsMember || IsAdministrator;

    public Guid RequireHost()
    {
        if (IsHost)
            return UserId!.Value;
        throw IsMember
            ? new ForbiddenException(Texts.Get("OnlyCircleHosts"))
            : CircleAccess.NotFound();
    }

    /// <summary>
    /// A host changing the circle, its members or its meetings: not while the circle is suspended (409 circle_suspended),
    /// though its hosts still see it.
    /// </summary>
    public Guid RequireActiveHost()
    {
        var id = RequireHost();
        if (Circle.Status == CircleStatus.Suspended)
            throw new ConflictException(Texts.Get("CircleSuspended"), "circle_suspended");
        return id;
    }

    /// <summary>Only the host (not a co-host) names co-hosts; not while the circle is suspended.</summary>
    public Guid RequireTheHost()
    {
        var id = RequireActiveHost();
        if (Membership!.Role != MemberRole.Host)
            throw new ForbiddenException(Texts.Get("OnlyCircleHostNamesCoHosts"));
        return id;
    }

    public Guid RequireMember()
    {
        var id = UserId ?? throw new NotSignedInException();
        if (!IsMember)
            throw new DomainRuleException("not_a_circle_member", "Only members of the circle can answer its meetings.");
        return id;
    }
}

public static class CircleAccess
{
    public static NotFoundException NotFound() => new(Texts.Get("NoSuchStudyCircle"));

    /// <summary>The circles the public may see: active ones.</summary>
    public static IQueryable<Circle> PubliclyVisible(IApplicationDbContext db) => db.Circles.Where(c => c.Status == CircleStatus.Active);

    public static NotFoundException MeetingNotFound() => new(Texts.Get("NoSuchMeeting"));

    public static NotFoundException MemberNotFound() => new(Texts.Get("NoSuchMemberOfThisCircle"));

    /// <summary>The circle and the caller's membership, tracked when the handler changes them; 404 when the caller may not see it.</summary>
    public static async Task<CircleCaller> CircleCallerAsync(
        this IApplicationDbContext db, Guid circleId, ICurrentUser user, bool track, CancellationToken cancellationToken)
    {
        var circles = track ? db.Circles : db.Circles.AsNoTracking();
        var circle = await circles.SingleOrDefaultAsync(c => c.Id == circleId, cancellationToken) ?? throw NotFound();
        CircleMember? membership = null;
        if (user.Id is { } userId)
        {
            var members = track ? db.CircleMembers : db.CircleMembers.AsNoTracking();
            membership = await members.SingleOrDefaultAsync(m => m.CircleId == circleId && m.UserId == userId, cancellationToken);
        }

        var caller = new CircleCaller(circle, user.Id, membership, user.IsInRole(Roles.Administrator));
        if (circle.Status != CircleStatus.Active && !caller.IsHost && !caller.IsAdministrator)
            throw NotFound();
        return caller;
    }

    /// <summary>The meeting (tracked when <paramref name="track"/>) and who asks about its circle; 404 when they may not see it.</summary>
    public static async Task<(Meeting Meeting, CircleCaller Caller)> MeetingCallerAsync(
        this IApplicationDbContext db, Guid meetingId, ICurrentUser user, bool track, CancellationToken cancellationToken)
    {
        var meetings = track ? db.Meetings : db.Meetings.AsNoTracking();
        var meeting = await meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken) ?? throw MeetingNotFound();
        try
        {
            return (meeting, await db.CircleCallerAsync(meeting.CircleId, user, track: false, cancellationToken));
        }
        catch (NotFoundException)
        {
            throw MeetingNotFound();
        }
    }

    public static async Task<CircleMember> MemberAsync(this IApplicationDbContext db, Guid circleId, Guid userId, CancellationToken cancellationToken) =>
        await db.CircleMembers.SingleOrDefaultAsync(m => m.CircleId == circleId && m.UserId == userId, cancellationToken) ?? throw MemberNotFound();
}
