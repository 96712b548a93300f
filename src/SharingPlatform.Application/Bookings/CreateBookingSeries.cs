using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Bookings;

public enum SeriesMode
{
    /// <summary>One transaction: any refused or taken date refuses the whole series, naming the dates.</summary>
    AllOrNothing,

    /// <summary>Books every date it can and lists the ones it skipped, with why.</summary>
    SkipTaken,
}

/// <summary>
/// A resident books the same hours on the same weekday for 2 to 12 weeks running, starting with [StartsAt, EndsAt).
/// A series counts once towards the per-person cap of active bookings.
/// </summary>
public sealed record CreateBookingSeries(
    Guid ResourceId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Occurrences, int Attendees, string? Purpose, SeriesMode Mode)
    : ICommand<BookingSeriesResult>;

public sealed record BookingSeriesResult(Guid SeriesId, IReadOnlyList<BookingView> Bookings, IReadOnlyList<SkippedOccurrence> Skipped);

/// <summary>
/// A date of the series that was not booked: <see cref="Code"/> is <c>period_taken</c> or the rule that refused it, with
/// the values the rule names (<see cref="DomainRuleException.Arguments"/>).
/// </summary>
public sealed record SkippedOccurrence(DateOnly Date, DateTimeOffset StartsAt, string Code, string Message, IReadOnlyList<object> Arguments);

/// <summary>In an all-or-nothing series, the rule that refused one date (and so the whole series), naming the date.</summary>
public sealed class OccurrenceRefusedException(DateOnly date, DomainRuleException refused)
    : DomainRuleException(refused.Code, $"{date:yyyy-MM-dd}: {refused.Message}", [.. refused.Arguments]), IRefusalDetails
{
    public DateOnly Date { get; } = date;

    public IReadOnlyDictionary<string, object?> ProblemFields => new Dictionary<string, object?>
    {
        ["date"] = Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class CreateBookingSeriesValidator : AbstractValidator<CreateBookingSeries>
{
    public const int MaxOccurrences = 12;

    public CreateBookingSeriesValidator()
    {
        RuleFor(c => c.ResourceId).NotEmpty();
        RuleFor(c => c.EndsAt).GreaterThan(c => c.StartsAt);
        RuleFor(c => c.Occurrences).InclusiveBetween(2, MaxOccurrences);
        RuleFor(c => c.Attendees).InclusiveBetween(1, 10_000);
        RuleFor(c => c.Purpose).MaximumLength(Booking.PurposeMaxLength);
        RuleFor(c => c.Mode).IsInEnum();
    }
}

public sealed class CreateBookingSeriesHandler(IApplicationDbContext db, ICurrentUser currentUser, BookingNotices notices, TimeProvider clock)
    : ICommandHandler<CreateBookingSeries, BookingSeriesResult>
{
    public async ValueTask<BookingSeriesResult> Handle(CreateBookingSeries command, CancellationToken cancellationToken)
    {
        var bookerId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var resource = await db.PubliclyVisible().AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.ResourceId, cancellationToken)
            ?? throw ResourceAccess.NotFound();
        var seriesId = Guid.CreateVersion7(now);
        var buffer = TimeSpan.FromMinutes(resource.Policy.BufferMinutes);
        // Asia/Seoul keeps no daylight saving time: a week later is always 7 × 24 hours later.
        var periods = Enumerable.Range(0, command.Occurrences)
            .Select(i => new Period(command.StartsAt.AddDays(7 * i), command.EndsAt.AddDays(7 * i)))
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Skipping goes on after a week's insert failed: EF rolls back to the savepoint it writes before each save.
        db.Database.AutoSavepointsEnabled = command.Mode == SeriesMode.SkipTaken;
        var booker = await db.LockStandingAsync(bookerId, resource.Id, now, cancellationToken);
        var standing = booker.Standing;
        var seriesStart = periods[0].Start;
        var seriesBlockedUntil = periods[^1].End + buffer;
        var holding = await db.HoldingOn(resource.Id, seriesStart, seriesBlockedUntil).AsNoTracking()
            .Select(b => new { b.StartsAt, b.BlockedUntil })
            .ToListAsync(cancellationToken);
        bool Taken(Period p) => holding.Any(b => b.StartsAt < p.End + buffer && p.Start < b.BlockedUntil);

        var booked = new List<Booking>();
        var skipped = new List<SkippedOccurrence>();
        foreach (var period in periods)
        {
            Booking booking;
            try
            {
                booking = Booking.Request(resource, bookerId, period, command.Attendees, command.Purpose ?? "", standing, now, seriesId);
            }
            catch (DomainRuleException refused) when (command.Mode == SeriesMode.SkipTaken)
            {
                skipped.Add(Skip(period, refused.Code, refused.Message, refused.Arguments));
                continue;
            }
            catch (DomainRuleException refused)
            {
                throw new OccurrenceRefusedException(SeoulTime.DateOf(period.Start), refused);
            }

            if (Taken(period))
            {
                skipped.Add(Skip(period, PeriodTaken.Code, PeriodTaken.Error().Message, []));
                continue;
            }

            db.Bookings.Add(booking);
            if (command.Mode == SeriesMode.SkipTaken)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (Exception e) when (PeriodTaken.Is(e))
                {
                    Forget(booking);
                    skipped.Add(Skip(period, PeriodTaken.Code, PeriodTaken.Error().Message, []));
                    continue;
                }
            }

            booked.Add(booking);
        }

        if (command.Mode == SeriesMode.AllOrNothing && skipped.Count > 0)
            throw new PeriodTaken.InSeries(skipped.Select(s => s.Date).ToList());
        if (booked.Count == 0)
            throw new ConflictException(Texts.Get("SeriesNothingBooked"), "series_nothing_booked");

        await notices.RequestedAsync(booked, resource, booker.Booker, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (PeriodTaken.Is(e))
        {
            throw PeriodTaken.Error();
        }

        var views = await db.Views(db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId).OrderBy(b => b.StartsAt)).ToListAsync(cancellationToken);
        return new BookingSeriesResult(seriesId, views, skipped);
    }

    private static SkippedOccurrence Skip(Period period, string code, string message, IReadOnlyList<object> arguments) =>
        new(SeoulTime.DateOf(period.Start), period.Start, code, message, arguments);

    private void Forget(Booking booking)
    {
        // Detaching a history row takes it out of the booking's list too.
        foreach (var change in booking.History.ToList())
            db.Entry(change).State = EntityState.Detached;
        db.Entry(booking).State = EntityState.Detached;
    }
}
