namespace SharingPlatform.Application.Common;

/// <summary>
/// The row locks (<c>SELECT … FOR UPDATE</c>, or <c>FOR SHARE</c> where named) that make changes to one row happen one
/// after the other, each seeing what the one before committed. Each is taken inside the caller's transaction and held
/// until it ends. A transaction that takes more than one takes them in this order, so two never wait for each other:
/// <list type="number">
/// <item>the decision's own row: a change request, a report;</item>
/// <item>the person (<see cref="LockUserAsync"/>; a booking, a suspension, a pause);</item>
/// <item>the organization;</item>
/// <item>a resource or a lab, then its equipment;</item>
/// <item>a circle, then a membership row, then its meetings in id order.</item>
/// </list>
/// Lock before reading what the lock guards: a later statement sees the committed state.
/// </summary>
public static class RowLocks
{
    /// <summary>The person's row, loaded: decisions about one person, and one person's bookings, take turns.</summary>
    public static async Task<User> LockUserAsync(this IApplicationDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Users.FromSql($"SELECT * FROM users WHERE id = {userId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Texts.Get("NoSuchUser"));

    /// <summary>Membership changes, invitation answers and administrators' decisions about one organization take turns.</summary>
    public static async Task LockOrganizationAsync(this IApplicationDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM organizations WHERE id = {organizationId} FOR UPDATE", cancellationToken);

    /// <summary>Administrators' decisions, approved changes and photo changes of one resource take turns.</summary>
    public static async Task LockResourceAsync(this IApplicationDbContext db, Guid resourceId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM resources WHERE id = {resourceId} FOR UPDATE", cancellationToken);

    /// <summary>Decisions, approved changes and photo changes of one lab take turns.</summary>
    public static async Task LockLabAsync(this IApplicationDbContext db, Guid labId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM labs WHERE id = {labId} FOR UPDATE", cancellationToken);

    /// <summary>Membership changes of one circle take turns, so the member cap holds however many join at once.</summary>
    public static async Task LockCircleAsync(this IApplicationDbContext db, Guid circleId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM circles WHERE id = {circleId} FOR UPDATE", cancellationToken);

    /// <summary>A person's membership of a circle, to end it: an answer being given to a meeting (which shares the row) commits first.</summary>
    public static async Task LockMembershipAsync(this IApplicationDbContext db, Guid circleId, Guid userId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM circle_members WHERE circle_id = {circleId} AND user_id = {userId} FOR UPDATE", cancellationToken);

    /// <summary>
    /// Holds the caller's membership row (<c>FOR SHARE</c>) while they answer a meeting: a member who leaves or is removed
    /// at that moment updates that row first, so they wait for the answer to commit and then give it up with their other
    /// answers. Take it before the meeting's lock, as leaving does.
    /// </summary>
    public static async Task ShareMembershipAsync(this IApplicationDbContext db, Guid circleId, Guid userId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM circle_members WHERE circle_id = {circleId} AND user_id = {userId} FOR SHARE", cancellationToken);

    /// <summary>
    /// RSVPs, cancellations, capacity changes and moves of one meeting take turns, so the going count is exact, the
    /// capacity is never exceeded and nobody is promoted twice.
    /// </summary>
    public static async Task LockMeetingAsync(this IApplicationDbContext db, Guid meetingId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM meetings WHERE id = {meetingId} FOR UPDATE", cancellationToken);
}
