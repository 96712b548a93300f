using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Application.Resources;

/// <summary>
/// Residents find published resources: by text (title and description, Korean included: ILIKE on trigram indexes),
/// category, municipality, capacity, free of charge, and open during a period (opening hours and closed dates; the
/// bookings feature will also subtract booked time).
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
    int PageSize = 20) : IQuery<PagedList<ResourceSummary>>;

public enum ResourceSort
{
    Relevance,
    Newest,
}

public sealed record ResourceSummary(
    Guid Id, Guid OrganizationId, string OrganizationName, ResourceCategory Category, string Title, string Municipality,
    string Address, int? Capacity, bool IsFree, int? FeePerHour, string? ThumbnailUrl);

public sealed class SearchResourcesValidator : AbstractValidator<SearchResources>
{
    public SearchResourcesValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Municipality).Must(m => m is null || Domain.Municipalities.Municipality.IsKnown(m))
            .WithMessage(_ => Texts.Pick("전북의 14개 시군 중 하나를 고르세요.", "Choose one of Jeonbuk's 14 municipalities."));
        RuleFor(q => q.MinCapacity).GreaterThan(0);
        RuleFor(q => q.AvailableTo).NotNull().GreaterThan(q => q.AvailableFrom).When(q => q.AvailableFrom is not null);
        RuleFor(q => q.AvailableFrom).NotNull().When(q => q.AvailableTo is not null);
    }
}

public sealed class SearchResourcesHandler(IApplicationDbContext db) : IQueryHandler<SearchResources, PagedList<ResourceSummary>>
{
    public async ValueTask<PagedList<ResourceSummary>> Handle(SearchResources query, CancellationToken cancellationToken)
    {
        var resources = db.PubliclyVisible().AsNoTracking();
        var text = query.Q?.Trim();
        // % and _ in what a person types are plain characters, in the filter and in the relevance order alike.
        var pattern = string.IsNullOrEmpty(text) ? "" : "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        if (!string.IsNullOrEmpty(text))
        {
            resources = resources.Where(r => EF.Functions.ILike(r.Title, pattern) || EF.Functions.ILike(r.Description, pattern));
        }

        if (query.Category is { } category)
            resources = resources.Where(r => r.Category == category);
        if (query.Municipality is { } municipality)
            resources = resources.Where(r => r.Municipality == municipality);
        if (query.MinCapacity is { } capacity)
            resources = resources.Where(r => r.Capacity >= capacity);
        if (query.FreeOnly == true)
            resources = resources.Where(r => r.FeePerHour == null || r.FeePerHour == 0);

        if (query.AvailableFrom is { } from && query.AvailableTo is { } to)
        {
            // Opening hours live in the policy (jsonb): narrow by SQL first, then keep those open for the whole period.
            var candidates = await resources.Select(r => new { r.Id, r.Policy }).ToListAsync(cancellationToken);
            var open = candidates.Where(c => c.Policy.IsOpenDuring(from, to)).Select(c => c.Id).ToList();
            resources = resources.Where(r => open.Contains(r.Id));
        }

        var ordered = query.Sort == ResourceSort.Newest || string.IsNullOrEmpty(text)
            ? resources.OrderByDescending(r => r.CreatedAt)
            : resources.OrderByDescending(r => EF.Functions.ILike(r.Title, pattern)).ThenByDescending(r => r.CreatedAt);

        return await ordered
            .Select(r => new ResourceSummary(
                r.Id, r.OrganizationId, db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).Single(),
                r.Category, r.Title, r.Municipality, r.Address, r.Capacity, r.FeePerHour == null || r.FeePerHour == 0, r.FeePerHour,
                r.Photos.OrderBy(p => p.Position).Select(p => "/media/" + p.ThumbnailFileName).FirstOrDefault()))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
