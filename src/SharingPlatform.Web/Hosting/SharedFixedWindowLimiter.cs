using System.Threading.RateLimiting;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// A fixed-window limit counted in PostgreSQL (<see cref="RateLimitWindow"/>), one atomic upsert per request, so two
/// app nodes do not double the allowance. The synchronous attempt always declines, which makes ASP.NET Core's rate
/// limiting middleware ask <see cref="AcquireAsyncCore"/>, where the database is asked.
/// </summary>
internal sealed class SharedFixedWindowLimiter(IServiceScopeFactory scopes, TimeProvider clock, string partition, int permits, TimeSpan window)
    : RateLimiter
{
    private long _lastUsedTicks = clock.GetUtcNow().UtcTicks;

    public override TimeSpan? IdleDuration => TimeSpan.FromTicks(clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Declined(null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var taken = (await db.Database.SqlQuery<int>($"""
            INSERT INTO rate_limit_windows AS w (partition, window_start, taken) VALUES ({partition}, {start}, {permitCount})
            ON CONFLICT (partition, window_start) DO UPDATE SET taken = w.taken + {permitCount}
            RETURNING w.taken AS "Value"
            """).ToListAsync(cancellationToken))[0];
        return taken <= permits ? Lease.Granted : Lease.Declined(start + window - now);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static Lease Declined(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
