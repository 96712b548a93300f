using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Resources;

/// <summary>
/// Residents find published resources: by text (title and description, Korean included, in any case: LIKE on their
/// lowered copies, <see cref="SearchResourcesHandler.TitleLowered"/> and <see cref="SearchResourcesHandler.DescriptionLowered"/>, with trigram indexes),
/// category, municipality, capacity, free of charge, and free during a period: open for all of it (opening hours,
/// closed dates) and with no holding booking overlapping it, buffer included — in SQL (a count up to
/// <see cref="Paging.CountCap"/> and a page), whatever the catalog size. Lent goods are found by <see cref="Units"/>
/// free on every day from <see cref="AvailableFromDay"/> to <see cref="AvailableToDay"/>, both open days, as
/// <c>RequestLoan</c> would lend them.
/// </summary>
public sealed record SearchResources(
    string? Q = null,
    ResourceCategory? Category = null,
    string? Municipality = null,
    int? MinCapacity = null,
    bool? FreeOnly = null,
    DateTimeOffset? AvailableFrom = null,
    DateTimeOffset? AvailableTo = null,
    ResourceSort Sort = ResourceSort.Relevance,
    int Page = 1,
    int PageSize = 20,
    int? Units = null,
    DateOnly? AvailableFromDay = null,
    DateOnly? AvailableToDay = null) : IQuery<PagedList<ResourceSummary>>;

public enum ResourceSort
{
    Relevance,
    Newest,
    Rating,
}

/// <summary>
/// A listing in search results with the facts that decide: <see cref="ConfirmedAtOnce"/> (no approval to wait for),
/// <see cref="RequiresCheckIn"/>, <see cref="LentByTheDay"/> for goods borrowed for whole days, and
/// <see cref="NextFreeAt"/>: the start of its first free slot in the next <see cref="SearchResourcesHandler.NextFreeDays"/>
/// days, as its page shows them (none for goods, or when it is booked up).
/// </summary>
public sealed record ResourceSummary(
    Guid Id, Guid OrganizationId, string OrganizationName, ResourceCategory Category, string Title, string Municipality,
    string Address, int? Capacity, bool IsFree, int? FeePerHour, string? ThumbnailUrl, RatingSummary? Rating = null,
    bool ConfirmedAtOnce = false, bool RequiresCheckIn = false, bool LentByTheDay = false, DateTimeOffset? NextFreeAt = null);

public sealed class SearchResourcesValidator : AbstractValidator<SearchResources>
{
    public SearchResourcesValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Municipality).Must(m => m is null || Domain.Municipalities.Municipality.IsKnown(m))
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
        RuleFor(q => q.MinCapacity).GreaterThan(0);
        RuleFor(q => q.AvailableTo).NotNull().GreaterThan(q => q.AvailableFrom).When(q => q.AvailableFrom is not null);
        RuleFor(q => q.AvailableFrom).NotNull().When(q => q.AvailableTo is not null);
        RuleFor(q => q.AvailableTo).Must((q, to) => to - q.AvailableFrom <= TimeSpan.FromDays(MaxPeriodDays)).When(q => q.AvailableFrom is not null && q.AvailableTo is not null)
            .WithMessage(_ => Texts.Get("PeriodTooLong"));
        RuleFor(q => q.Units).InclusiveBetween(1, LendingPolicy.MaxUnits);
        RuleFor(q => q.AvailableFromDay).NotNull().When(q => q.AvailableToDay is not null || q.Units is not null);
        RuleFor(q => q.AvailableToDay).NotNull().When(q => q.AvailableFromDay is not null || q.Units is not null);
        RuleFor(q => q.AvailableToDay).GreaterThanOrEqualTo(q => q.AvailableFromDay)
            .Must((q, to) => to!.Value.DayNumber - q.AvailableFromDay!.Value.DayNumber < MaxLoanSearchDays)
            .WithMessage(_ => Texts.Get("PeriodTooLong"))
            .When(q => q.AvailableFromDay is not null && q.AvailableToDay is not null);
    }

    /// <summary>The longest range of days a search for units covers, as loan availability shows.</summary>
    public const int MaxLoanSearchDays = 92;

    /// <summary>The longest period a search for free time covers.</summary>
    public const int MaxPeriodDays = 31;
}

public sealed class SearchResourcesHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<SearchResources, PagedList<ResourceSummary>>
{
    public const int NextFreeDays = 14;

    /// <summary>The title and description lowered by PostgreSQL when they are written (stored generated columns).</summary>
    public const string TitleLowered = nameof(TitleLowered), DescriptionLowered = nameof(DescriptionLowered);

    public async ValueTask<PagedList<ResourceSummary>> Handle(SearchResources query, CancellationToken cancellationToken)
    {
        var resources = (query.AvailableFrom is { } from && query.AvailableTo is { } to ? FreeDuring(from, to) : db.Resources)
            .PubliclyVisible(db).AsNoTracking();
        var text = query.Q?.Trim().ToLowerInvariant();
        // % and _ in what a person types are plain characters, in the filter and in the relevance order alike.
        var pattern = string.IsNullOrEmpty(text) ? "" : "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        if (!string.IsNullOrEmpty(text))
        {
            resources = resources.Where(r => EF.Functions.Like(EF.Property<string>(r, TitleLowered), pattern)
                || EF.Functions.Like(EF.Property<string>(r, DescriptionLowered), pattern));
        }

        if (query.Category is { } category)
            resources = resources.Where(r => r.Category == category);
        if (query.Municipality is { } municipality)
            resources = resources.Where(r => r.Municipality == municipality);
        if (query.MinCapacity is { } capacity)
            resources = resources.Where(r => r.Capacity >= capacity);
        if (query.FreeOnly == true)
            resources = resources.Where(r => r.FeePerHour == null || r.FeePerHour == 0);
        if (query.AvailableFromDay is { } fromDay && query.AvailableToDay is { } toDay)
        {
            var lent = UnitsFree(query.Units ?? 1, fromDay, toDay);
            resources = resources.Where(r => lent.Contains(r.Id));
        }

        var reviews = db.ShownOf(ReviewedListing.Resource);
        var ordered = query.Sort switch
        {
            ResourceSort.Rating => resources
                .OrderByDescending(r => reviews.Where(v => v.ListingId == r.Id).Average(v => (double?)v.Rating) ?? 0)
                .ThenByDescending(r => reviews.Count(v => v.ListingId == r.Id))
                .ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id),
            ResourceSort.Newest => resources.OrderByDescending(r => r.CreatedAt),
            _ when string.IsNullOrEmpty(text) => resources.OrderByDescending(r => r.CreatedAt),
            _ => resources.OrderByDescending(r => EF.Functions.Like(EF.Property<string>(r, TitleLowered), pattern)).ThenByDescending(r => r.CreatedAt),
        };

        // The page's ids first, from the search index alone where the order allows (newest first), then their summaries:
        // the filters read only the index, and only the page's rows are read whole.
        var page = await ordered.Select(r => r.Id).ToCappedPagedListAsync(resources.Select(r => r.Id), query.Page, query.PageSize, cancellationToken);
        var rows = (await Summaries(db.Resources.Where(r => page.Items.Contains(r.Id))).ToListAsync(cancellationToken))
            .ToDictionary(f => f.Summary.Id);
        List<Found> found = [.. page.Items.Where(rows.ContainsKey).Select(id => rows[id])];
        var nextFree = await NextFreeAsync(found, cancellationToken);
        // The policies are JSON read whole from their columns; the facts that decide are taken from them here.
        return new PagedList<ResourceSummary>(
            [.. found.Select(f => f.Summary with
            {
                ConfirmedAtOnce = (f.Lending?.ApprovalMode ?? f.Policy.ApprovalMode) == ApprovalMode.Automatic,
                RequiresCheckIn = f.Lending is null && f.Policy.RequiresCheckIn,
                LentByTheDay = f.Lending is not null,
                NextFreeAt = nextFree.GetValueOrDefault(f.Summary.Id),
            })],
            page.Page, page.PageSize, page.TotalCount, page.TotalCountCapped);
    }

    /// <summary>
    /// The first free slot of each resource booked by the hour, day by day from today (Seoul), with the holding
    /// bookings of the whole page read in one query.
    /// </summary>
    private async Task<Dictionary<Guid, DateTimeOffset?>> NextFreeAsync(IReadOnlyList<Found> found, CancellationToken cancellationToken)
    {
        var booked = found.Where(f => f.Lending is null).ToDictionary(f => f.Summary.Id, f => f.Policy);
        var now = clock.GetUtcNow();
        var today = SeoulTime.DateOf(now);
        var ids = booked.Keys.ToList();
        var reach = SeoulTime.StartOf(today.AddDays(NextFreeDays)).AddMinutes(booked.Values.Select(p => p.MaxMinutes + p.BufferMinutes).DefaultIfEmpty().Max());
        var holding = (await db.Bookings.Holding()
                .Where(b => ids.Contains(b.ResourceId) && b.StartsAt < reach && b.BlockedUntil > now)
                .Select(b => new { b.ResourceId, b.StartsAt, b.BlockedUntil })
                .ToListAsync(cancellationToken))
            .ToLookup(b => b.ResourceId, b => new Period(b.StartsAt, b.BlockedUntil));
        return booked.ToDictionary(r => r.Key, r => FirstFreeSlot(r.Value, [.. holding[r.Key]], today, now));
    }

    private static DateTimeOffset? FirstFreeSlot(BookingPolicy policy, IReadOnlyCollection<Period> busy, DateOnly today, DateTimeOffset now)
    {
        for (var day = today; day < today.AddDays(NextFreeDays); day = day.AddDays(1))
        {
            if (Availability.FirstFreeStart(policy, new Period(SeoulTime.StartOf(day), SeoulTime.StartOf(day.AddDays(1))), busy, now) is { } free)
                return free;
        }

        return null;
    }

    private sealed record Found(ResourceSummary Summary, BookingPolicy Policy, LendingPolicy? Lending);

    private IQueryable<Found> Summaries(IQueryable<SharedResource> resources)
    {
        var reviews = db.ShownOf(ReviewedListing.Resource);
        return resources.Select(r => new Found(
            new ResourceSummary(
                r.Id, r.OrganizationId, db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).Single(),
                r.Category, r.Title, r.Municipality, r.Address, r.Capacity, r.FeePerHour == null || r.FeePerHour == 0, r.FeePerHour,
                r.Photos.OrderBy(p => p.Position).Select(p => "/media/" + p.ThumbnailFileName).FirstOrDefault(),
                new RatingSummary(reviews.Where(v => v.ListingId == r.Id).Average(v => (double?)v.Rating), reviews.Count(v => v.ListingId == r.Id)),
                false, false, false),
            r.Policy, r.Lending));
    }

    /// <summary>
    /// Resources open for all of [from, to) and with no pending or confirmed booking whose time (buffer included) meets
    /// [from, to + the resource's buffer): what <c>CreateBooking</c> would not refuse for overlap or opening hours. The
    /// period becomes a multirange of minutes since Monday 00:00 (Seoul) that the resource's weekly opening hours (kept
    /// by PostgreSQL from the policy) must contain; its Seoul dates must not be closed dates. The bookings that meet
    /// [from, to) are read once from a GiST index into a hashed set rather than probed per candidate; only a resource
    /// with a buffer is probed for a booking that starts within its buffer after the period (see the migrations
    /// FreePeriodSearch and FreePeriodSearchIndex). The period is written <c>tstzrange(starts_at, blocked_until, '[)')</c>
    /// as that index is, so that no other index can answer it.
    /// </summary>
    private IQueryable<SharedResource> FreeDuring(DateTimeOffset from, DateTimeOffset to)
    {
        var parts = BookingPolicy.DayParts(from, to);
        var needFrom = parts.Select(p => WeekMinute(p.Date.DayOfWeek, p.From)).ToArray();
        var needTo = parts.Select(p => WeekMinute(p.Date.DayOfWeek, p.Until)).ToArray();
        var dates = parts.Select(p => p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var start = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        return db.Resources.FromSql($"""
            SELECT r.*, r.xmin FROM resources r
            WHERE NOT (r.closed_dates && {dates})
              AND r.weekly_opening @> (SELECT range_agg(int4range(need.a, need.b)) FROM unnest({needFrom}, {needTo}) AS need(a, b))
              AND r.id NOT IN (
                SELECT b.resource_id FROM bookings b
                WHERE b.status IN ('Pending', 'Confirmed') AND tstzrange(b.starts_at, b.blocked_until, '[)') && tstzrange({start}, {end}))
              AND NOT (r.buffer_minutes > 0 AND EXISTS (
                SELECT 1 FROM bookings b
                WHERE b.resource_id = r.id AND b.status IN ('Pending', 'Confirmed')
                  AND b.blocked_until > {end} AND b.starts_at >= {end} AND b.starts_at < {end} + make_interval(mins => r.buffer_minutes)))
            """);
    }

    /// <summary>
    /// The ids of lent resources with <paramref name="units"/> units left on every day of [from, to] (a day no loan has
    /// taken yet has all of them) and open on both days, so that a loan from <paramref name="from"/> to
    /// <paramref name="to"/> would not be refused for units or closed days.
    /// </summary>
    private IQueryable<Guid> UnitsFree(int units, DateOnly from, DateOnly to)
    {
        var ends = new[] { from, to }.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var pickup = WeekMinute(from.DayOfWeek, TimeOnly.MinValue);
        var back = WeekMinute(to.DayOfWeek, TimeOnly.MinValue);
        return db.Database.SqlQuery<Guid>($"""
            SELECT r.id AS "Value" FROM resources r
            WHERE r.lending IS NOT NULL AND (r.lending ->> 'units')::int >= {units}
              AND NOT (r.closed_dates && {ends})
              AND r.weekly_opening && int4range({pickup}, {pickup + 1440})
              AND r.weekly_opening && int4range({back}, {back + 1440})
              AND NOT EXISTS (
                SELECT 1 FROM loan_days d
                WHERE d.resource_id = r.id AND d.day BETWEEN {from} AND {to} AND d.units_taken + d.units_out_of_service + d.units_held_late + {units} > (r.lending ->> 'units')::int)
            """);
    }

    /// <summary>Minutes since Monday 00:00; <see cref="TimeOnly.MaxValue"/> is the day's 24:00.</summary>
    private static int WeekMinute(DayOfWeek day, TimeOnly time) =>
        ((int)day + 6) % 7 * 1440 + (time == TimeOnly.MaxValue ? 1440 : time.Hour * 60 + time.Minute);
}
