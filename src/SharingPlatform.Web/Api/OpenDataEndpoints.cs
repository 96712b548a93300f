using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using SharingPlatform.Application.OpenData;

namespace SharingPlatform.Web.Api;

public static class OpenDataEndpoints
{
    private static readonly string[] CsvHeader =
    [
        "id", "kind", "name", "category", "categoryName", "address", "municipalityCode", "municipality", "managingOrganization",
        "openDays", "openHours", "capacity", "units", "bookingMethod", "isFree", "feePerHour", "feeNote", "photoUrl", "contactPhone",
        "contactEmail", "detailUrl", "lastUpdated",
    ];

    /// <summary>
    /// The open-data feed: anonymous, readable from any web page (CORS), cached for five minutes, and answered 304 when
    /// the caller's <c>If-None-Match</c> still matches the page's content.
    /// </summary>
    public static void MapOpenDataEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/open-data/resources", async (int? page, int? pageSize, HttpContext http, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ISender sender, CancellationToken ct) =>
        {
            var list = await sender.Send(new ListOpenDataResources(page ?? 1, pageSize ?? 100), ct);
            var csv = Csv.IsWanted(http.Request);
            var body = csv
                ? Csv.Encode(CsvHeader, list.Items.Select(CsvRow))
                : JsonSerializer.SerializeToUtf8Bytes(list, json.Value.SerializerOptions);

            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(body))[..32]}\"");
            var headers = http.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
            http.Response.Headers.Vary = "Accept";
            http.Response.Headers.AccessControlAllowOrigin = "*";
            http.Response.Headers["X-Total-Count"] = list.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
                return Results.StatusCode(StatusCodes.Status304NotModified);

            return csv
                ? Results.File(body, Csv.ContentType, $"sharingplatform-open-data-{list.Page}.csv")
                : Results.Bytes(body, "application/json; charset=utf-8");
        }).AllowAnonymous().WithTags("Open data")
            .Produces<PagedList<OpenDataResource>>().AnswersNotModified();

    private static IReadOnlyList<object?> CsvRow(OpenDataResource r) =>
    [
        r.Id, r.Kind, r.Name, r.Category, r.CategoryName, r.Address, r.MunicipalityCode, r.Municipality, r.ManagingOrganization,
        r.OpenDays, r.OpenHours, r.Capacity, r.Units, r.BookingMethod, r.IsFree, r.FeePerHour, r.FeeNote, r.PhotoUrl, r.ContactPhone,
        r.ContactEmail, r.DetailUrl, r.LastUpdated,
    ];
}
