namespace SharingPlatform.Application.Loans;

/// <summary>Units out of service as the desk sees them; <see cref="Current"/> while they are still kept out on some day from today.</summary>
public sealed record UnitOutageView(
    Guid Id, Guid ResourceId, int Units, string? UnitLabel, DateOnly FirstDay, DateOnly LastDay, string Reason, DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt, bool Current)
{
    public static UnitOutageView From(UnitOutage o, DateTimeOffset now) =>
        new(o.Id, o.ResourceId, o.Units, o.UnitLabel, o.FirstDay, o.LastDay, o.Reason, o.CreatedAt, o.EndedAt, o.IsCurrentAt(now));
}
