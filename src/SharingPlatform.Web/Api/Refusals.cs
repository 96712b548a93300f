namespace SharingPlatform.Web.Api;

/// <summary>The refusals an endpoint may answer with: a status and the <c>code</c> values its handler raises.</summary>
public sealed record RefusalMetadata(int Status, IReadOnlyList<string> Codes);

/// <summary>
/// Placed beside each route, so the contract lists what its handler really refuses with: <c>.Refuses(…)</c> for the
/// domain rules (422), <c>.Conflicts(…)</c> for a state or a race that was lost (409; with no code for a stale version).
/// </summary>
public static class Refusals
{
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params string[] codes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RefusalMetadata(StatusCodes.Status422UnprocessableEntity, codes));

    public static TBuilder Conflicts<TBuilder>(this TBuilder builder, params string[] codes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RefusalMetadata(StatusCodes.Status409Conflict, codes));
}

/// <summary>A pair of query parameters that bound a range, and the most days the range may span (its validator's limit).</summary>
public sealed record RangeLimitMetadata(string From, string To, int Days);

public static class RangeLimits
{
    public static TBuilder LimitsRange<TBuilder>(this TBuilder builder, string from, string to, int days) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RangeLimitMetadata(from, to, days));
}
