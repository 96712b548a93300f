using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Labs;

/// <summary>Residents find published labs by text (name, description, equipment names) and municipality.</summary>
public sealed record SearchLabs(string? Q = null, string? Municipality = null, int Page = 1, int PageSize = 20) : IQuery<PagedList<LabSummary>>;

public sealed record LabSummary(
    Guid Id, Guid OrganizationId, string OrganizationName, string Name, string Municipality, string Address, int SeatsPerSlot,
    LabStatus Status, IReadOnlyList<LabEquipmentSummary> Equipment, string? ThumbnailUrl, RatingSummary? Rating = null);

public sealed record LabEquipmentSummary(Guid Id, string Name, bool RequiresQualification, bool OutOfService);

public sealed class SearchLabsValidator : AbstractValidator<SearchLabs>
{
    public SearchLabsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Municipality).Must(m => m is null || Domain.Municipalities.Municipality.IsKnown(m))
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
    }
}

public sealed class SearchLabsHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<SearchLabs, PagedList<LabSummary>>
{
    public async ValueTask<PagedList<LabSummary>> Handle(SearchLabs query, CancellationToken cancellationToken)
    {
        var labs = db.PubliclyVisible().AsNoTracking();
        var text = query.Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            labs = labs.Where(l => EF.Functions.ILike(l.Name, pattern) || EF.Functions.ILike(l.Description, pattern)
                || db.Equipment.Any(e => e.LabId == l.Id && EF.Functions.ILike(e.Name, pattern)));
        }

        if (query.Municipality is { } municipality)
            labs = labs.Where(l => l.Municipality == municipality);
        return await db.Summaries(labs.OrderBy(l => l.Name).ThenBy(l => l.Id), clock.GetUtcNow()).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}

public static class LabSummaries
{
    public static IQueryable<LabSummary> Summaries(this IApplicationDbContext db, IQueryable<Lab> labs, DateTimeOffset now)
    {
        var reviews = db.ShownOf(ReviewedListing.Lab);
        return labs.Select(l => new LabSummary(
            l.Id, l.OrganizationId, db.Organizations.Where(o => o.Id == l.OrganizationId).Select(o => o.Name).Single(), l.Name,
            l.Municipality, l.Address, l.SeatsPerSlot, l.Status,
            db.Equipment.Where(e => e.LabId == l.Id).OrderBy(e => e.Name)
                .Select(e => new LabEquipmentSummary(e.Id, e.Name, e.RequiresQualification, e.OutOfServiceFrom <= now && now < e.OutOfServiceUntil))
                .ToList(),
            l.Photos.OrderBy(p => p.Position).Select(p => "/media/" + p.ThumbnailFileName).FirstOrDefault(),
            new RatingSummary(reviews.Where(v => v.ListingId == l.Id).Average(v => (double?)v.Rating), reviews.Count(v => v.ListingId == l.Id))));
    }
}
