using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.OpenData;

/// <summary>
/// Published resources and labs in the field set of 공유누리 (eshare.go.kr)'s shared-resource OpenAPI, for the national
/// portal and anyone else to pick up: resources first, then labs, each in the order they were created, so a page stays
/// put while listings change. Only what the public sees: published, of a verified organization.
/// </summary>
public sealed record ListOpenDataResources(int Page = 1, int PageSize = 100) : IQuery<PagedList<OpenDataResource>>;

/// <summary>
/// One shared resource or lab. <c>kind</c> is <c>resource</c> or <c>lab</c>; <c>category</c> is the resource's category or
/// <c>lab</c>; <c>units</c> is how many identical units goods lent by the day have (none for what is booked by the slot).
/// </summary>
public sealed record OpenDataResource(
    Guid Id,
    string Kind,
    string Name,
    string Category,
    string CategoryName,
    string Address,
    string MunicipalityCode,
    string Municipality,
    string ManagingOrganization,
    IReadOnlyList<OpenDataOpeningHours> OpeningHours,
    string OpenDays,
    string OpenHours,
    int? Capacity,
    int? Units,
    string BookingMethod,
    bool? IsFree,
    int? FeePerHour,
    string FeeNote,
    string? PhotoUrl,
    string ContactPhone,
    string ContactEmail,
    string DetailUrl,
    DateTimeOffset LastUpdated);

/// <summary>Seoul wall-clock times; a day open in several periods has several entries.</summary>
public sealed record OpenDataOpeningHours(DayOfWeek DayOfWeek, string Opens, string Closes)
{
    public OpenDataOpeningHours(DayOfWeek dayOfWeek, TimeOnly opens, TimeOnly closes)
        : this(dayOfWeek, Clock(opens), Clock(closes))
    {
    }

    /// <summary><c>"09:00"</c>; the end of the day is <c>"24:00"</c>.</summary>
    public static string Clock(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ListOpenDataResourcesValidator : AbstractValidator<ListOpenDataResources>
{
    public ListOpenDataResourcesValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListOpenDataResourcesHandler(IApplicationDbContext db, IAppLinks links) : IQueryHandler<ListOpenDataResources, PagedList<OpenDataResource>>
{
    private static readonly string[] KoreanDays = ["일", "월", "화", "수", "목", "금", "토"];

    public async ValueTask<PagedList<OpenDataResource>> Handle(ListOpenDataResources query, CancellationToken cancellationToken)
    {
        var resources = db.Resources.PubliclyVisible(db).AsNoTracking();
        var labs = LabAccess.PubliclyVisible(db).AsNoTracking();
        var resourceCount = await resources.CountAsync(cancellationToken);
        var labCount = await labs.CountAsync(cancellationToken);

        var skip = (query.Page - 1) * query.PageSize;
        var items = new List<OpenDataResource>();
        if (skip < resourceCount)
        {
            var page = await resources.OrderBy(r => r.Id).Skip(skip).Take(query.PageSize)
                .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new
                {
                    Resource = r,
                    Organization = o.Name,
                    o.Phone,
                    o.Email,
                    Photo = r.Photos.OrderBy(p => p.Position).Select(p => p.FileName).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            items.AddRange(page.Select(row => FromResource(row.Resource, row.Organization, row.Phone, row.Email, row.Photo)));
        }

        var labSkip = Math.Max(0, skip - resourceCount);
        var labTake = query.PageSize - items.Count;
        if (labTake > 0 && labSkip < labCount)
        {
            var page = await labs.OrderBy(l => l.Id).Skip(labSkip).Take(labTake)
                .Join(db.Organizations, l => l.OrganizationId, o => o.Id, (l, o) => new
                {
                    Lab = l,
                    Organization = o.Name,
                    o.Phone,
                    o.Email,
                    Photo = l.Photos.OrderBy(p => p.Position).Select(p => p.FileName).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            items.AddRange(page.Select(row => FromLab(row.Lab, row.Organization, row.Phone, row.Email, row.Photo)));
        }

        return new PagedList<OpenDataResource>(items, query.Page, query.PageSize, resourceCount + labCount);
    }

    private OpenDataResource FromResource(SharedResource resource, string organization, string phone, string email, string? photo)
    {
        var hours = resource.Policy.OpeningHours.Select(h => new OpenDataOpeningHours(h.DayOfWeek, h.Opens, h.Closes)).ToList();
        var isFree = resource.FeePerHour is null or 0;
        return new OpenDataResource(
            resource.Id, "resource", resource.Title, Camel(resource.Category.ToString()), CategoryName(resource.Category),
            resource.Address, resource.Municipality, MunicipalityName(resource.Municipality), organization, hours, Days(hours), Hours(hours),
            resource.Capacity, resource.Lending?.Units, BookingMethod(resource),
            isFree, isFree ? null : resource.FeePerHour, resource.FeeNote,
            photo is null ? null : links.To($"/media/{photo}").ToString(),
            phone, email, links.To($"/Resources/Details/{resource.Id}").ToString(), resource.UpdatedAt);
    }

    private OpenDataResource FromLab(Lab lab, string organization, string phone, string email, string? photo)
    {
        var hours = lab.Timetable.Slots.Select(s => new OpenDataOpeningHours(s.DayOfWeek, s.Starts, s.Ends)).ToList();
        return new OpenDataResource(
            lab.Id, "lab", lab.Name, "lab", "공유실험실", lab.Address, lab.Municipality, MunicipalityName(lab.Municipality), organization,
            hours, Days(hours), Hours(hours), lab.SeatsPerSlot, null, "온라인 예약 (회차별 좌석·장비 선택)",
            null, null, "", photo is null ? null : links.To($"/media/{photo}").ToString(), phone, email, links.To($"/Labs/Details/{lab.Id}").ToString(), lab.UpdatedAt);
    }

    private static string BookingMethod(SharedResource resource) => (resource.Lending, resource.Policy.ApprovalMode) switch
    {
        ({ ApprovalMode: ApprovalMode.Automatic }, _) => "온라인 대여 신청 (일 단위, 즉시 확정)",
        ({ }, _) => "온라인 대여 신청 (일 단위, 단체 승인 후 확정)",
        (null, ApprovalMode.Automatic) => "온라인 예약 (즉시 확정)",
        _ => "온라인 예약 (단체 승인 후 확정)",
    };

    private static string Days(IReadOnlyList<OpenDataOpeningHours> hours) =>
        string.Join(",", hours.Select(h => h.DayOfWeek).Distinct().OrderBy(d => ((int)d + 6) % 7).Select(d => KoreanDays[(int)d]));

    private static string Hours(IReadOnlyList<OpenDataOpeningHours> hours) =>
        string.Join("; ", hours.OrderBy(h => ((int)h.DayOfWeek + 6) % 7).ThenBy(h => h.Opens, StringComparer.Ordinal)
            .Select(h => $"{KoreanDays[(int)h.DayOfWeek]} {h.Opens}-{h.Closes}"));

    private static string MunicipalityName(string code) => Municipality.All.FirstOrDefault(m => m.Code == code)?.KoreanName ?? code;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string CategoryName(ResourceCategory category) => category switch
    {
        ResourceCategory.Space => "공간",
        ResourceCategory.Equipment => "장비",
        ResourceCategory.Goods => "물품",
        ResourceCategory.Vehicle => "차량",
        _ => "기타",
    };
}
