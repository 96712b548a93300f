using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SharingPlatform.Infrastructure;

namespace SharingPlatform.Web.Api;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond the endpoints themselves, taken from the code so that it cannot drift: the
/// title and description in Korean and English (SiteText), contact, the open data's licence, the server (App:BaseUrl),
/// the bearer scheme and, on each operation, whether it needs it (from its authorization metadata), and each tag's
/// description.
/// </summary>
public static class OpenApiContract
{
    public const string Bearer = "bearer";

    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The Korea Open Government Licence, type 1 (attribution), under which the open data is published.</summary>
    private static readonly Uri OpenDataLicence = new("https://www.kogl.or.kr/info/licenseType1.do");

    public static IServiceCollection AddSharingPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeAsync);
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.OperationId ??= OperationId(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? "");
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// A stable name for a client's method, from the method and route: <c>GET api/v1/resources/{id}</c> →
    /// <c>getResourcesById</c>, <c>POST api/v1/loans/{id}/hand-over</c> → <c>postLoansByIdHandOver</c>.
    /// </summary>
    public static string OperationId(string method, string route)
    {
        var words = route.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(s => s is "api" or "v1")
            .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}').Split(':')[0]) : Pascal(s));
        return method.ToLowerInvariant() + string.Concat(words);
    }

    private static string Pascal(string segment) =>
        string.Concat(segment.Split('-', '.', '_').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var texts = context.ApplicationServices.GetRequiredService<IStringLocalizer<SiteText>>();
        string Both(string key) => $"{In(Korean, () => texts[key])}\n\n{In(English, () => texts[key])}";
        var baseUrl = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppOptions>>().Value.BaseUrl;

        document.Info = new OpenApiInfo
        {
            Title = $"{In(Korean, () => texts["ApiTitle"])} / {In(English, () => texts["ApiTitle"])}",
            Version = "v1",
            Description = Both("ApiDescription"),
            Contact = new OpenApiContact { Name = $"{In(Korean, () => texts["ApiContact"])} / {In(English, () => texts["ApiContact"])}", Url = baseUrl },
            License = new OpenApiLicense { Name = $"{In(Korean, () => texts["ApiLicense"])} / {In(English, () => texts["ApiLicense"])}", Url = OpenDataLicence },
        };
        if (baseUrl is not null)
            document.Servers = [new OpenApiServer { Url = baseUrl.GetLeftPart(UriPartial.Authority) }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = Both("ApiBearerDescription"),
            },
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description = Both($"ApiTag_{tag.Name?.Replace(" ", "", StringComparison.Ordinal)}");
        return Task.CompletedTask;
    }

    private static string In(CultureInfo culture, Func<LocalizedString> text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return text().Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
