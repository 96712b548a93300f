using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>Residents find active circles by text (title, description), topic and municipality; newest first.</summary>
public sealed record SearchCircles(string? Q = null, string? Topic = null, string? Municipality = null, int Page = 1, int PageSize = 20)
    : IQuery<PagedList<CircleSummary>>;

public sealed class SearchCirclesValidator : AbstractValidator<SearchCircles>
{
    public SearchCirclesValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Topic).MaximumLength(Circle.TopicMaxLength);
        RuleFor(q => q.Municipality).Must(m => m is null || Municipality.IsKnown(m))
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
    }
}

public sealed class SearchCirclesHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<SearchCircles, PagedList<CircleSummary>>
{
    public async ValueTask<PagedList<CircleSummary>> Handle(SearchCircles query, CancellationToken cancellationToken)
    {
        var circles = db.Circles.AsNoTracking().Where(c => c.Status == CircleStatus.Active);
        var text = query.Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            circles = circles.Where(c => EF.Functions.ILike(c.Title, pattern) || EF.Functions.ILike(c.Description, pattern)
                || c.Topics.Any(t => EF.Functions.ILike(t, pattern)));
        }

        if (!string.IsNullOrWhiteSpace(query.Topic))
        {
            var topic = query.Topic.Trim();
            circles = circles.Where(c => c.Topics.Contains(topic));
        }

        if (query.Municipality is { } municipality)
            circles = circles.Where(c => c.Municipality == municipality);
        return await db.Summaries(circles.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id), clock.GetUtcNow())
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
