namespace SharingPlatform.Domain.Common;

/// <summary>A half-open span of time [Start, End) in UTC.</summary>
public readonly record struct Period
{
    public Period(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
            throw new DomainRuleException("period_not_positive", "A period must end after it starts.");
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public TimeSpan Duration => End - Start;

    public bool Overlaps(Period other) => Start < other.End && other.Start < End;

    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
}
