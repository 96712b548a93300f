using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using SharingPlatform.Infrastructure;

namespace SharingPlatform.Web.Api;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond the endpoints themselves, taken from the code so that it cannot drift: the
/// title and description in Korean and English (SiteText), contact, the open data's licence, the server (App:BaseUrl),
/// the bearer scheme and each tag's description; on each operation its summary and description (ApiText), whether it
/// needs the bearer scheme and the errors it can answer with (from its metadata, see <see cref="ErrorStatuses"/>).
/// </summary>
public static class OpenApiContract
{
    public const string Bearer = "bearer";

    /// <summary>The shared schema of every error answer (<c>application/problem+json</c>).</summary>
    public const string Problem = "Problem";

    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The Korea Open Government Licence, type 1 (attribution), under which the open data is published.</summary>
    private static readonly Uri OpenDataLicence = new("https://www.kogl.or.kr/info/licenseType1.do");

    public static IServiceCollection AddSharingPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeAsync);
            options.AddSchemaTransformer((schema, _, _) =>
            {
                // Numbers may arrive as strings too (the web defaults); a client should send numbers, so say only that.
                if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
                {
                    schema.Type = type & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.OperationId ??= OperationId(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? "");
                var texts = context.ApplicationServices.GetRequiredService<IStringLocalizer<ApiText>>();
                operation.Summary = Pair(texts, $"Op_{operation.OperationId}_Summary");
                operation.Description = Both(texts, $"Op_{operation.OperationId}_Description");
                operation.Security = NeedsSignIn(context.Description)
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }]
                    : [];
                DescribeErrors(operation, context, texts);
                DescribeConditionalGet(operation, context, texts);
                DescribeIdempotency(operation, context, texts);
                DescribeLimits(operation);
                DescribeRanges(operation, context, texts);
                AddExamples(operation);
                return Task.CompletedTask;
            });
        });

    private static bool NeedsSignIn(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()
        && !description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();

    /// <summary>
    /// The errors an operation can answer with, from its metadata: 400 where it reads a body, a form or the query, 401
    /// and 403 where it needs sign-in, 404 where its route names something, 409 and 422 with the codes placed beside
    /// the route (<see cref="Refusals"/>), 429 under a rate limit, and any other problem it declares itself.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> ErrorStatuses(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var statuses = new SortedDictionary<int, IReadOnlyList<string>>();
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form
                || p.Source == BindingSource.FormFile || p.Source == BindingSource.Query))
            statuses[StatusCodes.Status400BadRequest] = [];
        if (NeedsSignIn(description))
        {
            statuses[StatusCodes.Status401Unauthorized] = [];
            statuses[StatusCodes.Status403Forbidden] = [];
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
            statuses[StatusCodes.Status404NotFound] = [];
        foreach (var refusal in metadata.OfType<RefusalMetadata>())
            statuses[refusal.Status] = [.. (statuses.GetValueOrDefault(refusal.Status) ?? []).Union(refusal.Codes).Order(StringComparer.Ordinal)];
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            statuses[StatusCodes.Status429TooManyRequests] = [];
        foreach (var declared in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode >= 400))
            statuses.TryAdd(declared.StatusCode, []);
        return statuses;
    }

    private static void DescribeErrors(OpenApiOperation operation, OpenApiOperationTransformerContext context, IStringLocalizer<ApiText> texts)
    {
        operation.Responses ??= [];
        foreach (var (status, codes) in ErrorStatuses(context.Description))
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            var description = Pair(texts, $"Response_{key}");
            if (codes.Count > 0)
                description += $"\n\n{Pair(texts, "Response_Codes")}: {string.Join(", ", codes.Select(c => $"`{c}`"))}";
            var response = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, context.Document) },
                },
            };
            if (status == StatusCodes.Status429TooManyRequests)
                response.Headers = new Dictionary<string, IOpenApiHeader> { [HeaderNames.RetryAfter] = Header(texts, "Header_RetryAfter", JsonSchemaType.Integer) };
            operation.Responses[key] = response;
        }
    }

    /// <summary>
    /// Examples drawn from the demo data (<c>Api/ApiExamples.json</c>, by operationId: a request body and answers by
    /// status), on the JSON bodies of the operations that have one.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> Examples = LoadExamples();

    private static Dictionary<string, System.Text.Json.Nodes.JsonObject> LoadExamples()
    {
        using var stream = typeof(OpenApiContract).Assembly.GetManifestResourceStream("ApiExamples.json")!;
        return System.Text.Json.Nodes.JsonNode.Parse(stream)!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsObject());
    }

    private static void AddExamples(OpenApiOperation operation)
    {
        if (operation.OperationId is null || !Examples.TryGetValue(operation.OperationId, out var example))
            return;
        if (example["request"] is { } request && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            body.Example = request.DeepClone();
        foreach (var (status, answer) in example["responses"]?.AsObject() ?? [])
        {
            if (operation.Responses?.TryGetValue(status, out var response) != true || response!.Content is not { } content)
                continue;
            if (content.TryGetValue("application/json", out var media) || content.TryGetValue("application/problem+json", out media))
                media.Example = answer!.DeepClone();
        }
    }

    /// <summary>The limits every list keeps (<see cref="Paging"/>) and the fixed list of municipalities, on the parameters that take them.</summary>
    private static void DescribeLimits(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
                continue;
            switch (parameter.Name)
            {
                case "page":
                    (schema.Minimum, schema.Maximum) = ("1", Paging.MaxPage.ToString(CultureInfo.InvariantCulture));
                    break;
                case "pageSize":
                    (schema.Minimum, schema.Maximum) = ("1", Paging.MaxPageSize.ToString(CultureInfo.InvariantCulture));
                    break;
                case "municipality":
                    schema.Enum = [.. Domain.Municipalities.Municipality.All.Select(m => (System.Text.Json.Nodes.JsonNode)m.Code)];
                    break;
            }
        }
    }

    /// <summary>The open-data feed: <c>If-None-Match</c> in, <c>ETag</c> out, 304 when nothing changed.</summary>
    private static void DescribeConditionalGet(OpenApiOperation operation, OpenApiOperationTransformerContext context, IStringLocalizer<ApiText> texts)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<ConditionalGetMetadata>().Any())
            return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = HeaderNames.IfNoneMatch,
            In = ParameterLocation.Header,
            Description = Pair(texts, "Header_IfNoneMatch"),
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        operation.Responses ??= [];
        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse found)
            found.Headers = new Dictionary<string, IOpenApiHeader> { [HeaderNames.ETag] = Header(texts, "Header_ETag", JsonSchemaType.String) };
        operation.Responses["304"] = new OpenApiResponse
        {
            Description = Pair(texts, "Response_304"),
            Headers = new Dictionary<string, IOpenApiHeader> { [HeaderNames.ETag] = Header(texts, "Header_ETag", JsonSchemaType.String) },
        };
    }

    /// <summary>A POST that creates something: <c>Idempotency-Key</c> in, <c>Idempotent-Replayed</c> out on a repeated answer.</summary>
    private static void DescribeIdempotency(OpenApiOperation operation, OpenApiOperationTransformerContext context, IStringLocalizer<ApiText> texts)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentMetadata>().Any())
            return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Idempotency.Header,
            In = ParameterLocation.Header,
            Description = Pair(texts, "Header_IdempotencyKey"),
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = IdempotentRequest.KeyMaxLength,
                Pattern = "^[\\x21-\\x7E]+$",
            },
        });
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers[Idempotency.ReplayedHeader] = Header(texts, "Header_IdempotentReplayed", JsonSchemaType.String);
            }
        }
    }

    /// <summary>A range's two parameters say what they bound and how many days the range may span at most.</summary>
    private static void DescribeRanges(OpenApiOperation operation, OpenApiOperationTransformerContext context, IStringLocalizer<ApiText> texts)
    {
        foreach (var range in context.Description.ActionDescriptor.EndpointMetadata.OfType<RangeLimitMetadata>())
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (parameter.Name != range.From && parameter.Name != range.To)
                    continue;
                if (parameter.Schema is OpenApiSchema { Type: null } schema)
                    schema.Type = JsonSchemaType.String;
                var key = parameter.Name == range.From ? "Param_RangeStart" : "Param_RangeEnd";
                parameter.Description =
                    $"{In(Korean, () => texts[key, range.Days, range.From])} / {In(English, () => texts[key, range.Days, range.From])}";
            }
        }
    }

    private static OpenApiHeader Header(IStringLocalizer<ApiText> texts, string key, JsonSchemaType type) => new()
    {
        Description = Pair(texts, key),
        Schema = new OpenApiSchema { Type = type },
    };

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
        var baseUrl = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppOptions>>().Value.BaseUrl;

        document.Info = new OpenApiInfo
        {
            Title = $"{In(Korean, () => texts["ApiTitle"])} / {In(English, () => texts["ApiTitle"])}",
            Version = "v1",
            Description = Both(texts, "ApiDescription"),
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
                Description = Both(texts, "ApiBearerDescription"),
            },
        };
        var api = context.ApplicationServices.GetRequiredService<IStringLocalizer<ApiText>>();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // Every error answer is described by Problem (DescribeErrors), which leaves the framework's own schema unused.
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = Both(api, "Problem_Schema"),
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description = Both(texts, $"ApiTag_{tag.Name?.Replace(" ", "", StringComparison.Ordinal)}");
        return Task.CompletedTask;
    }

    private static string Pair<T>(IStringLocalizer<T> texts, string key) => $"{In(Korean, () => texts[key])} / {In(English, () => texts[key])}";

    private static string Both<T>(IStringLocalizer<T> texts, string key) => $"{In(Korean, () => texts[key])}\n\n{In(English, () => texts[key])}";

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
