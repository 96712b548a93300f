using SharingPlatform.Domain.Municipalities;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SharingPlatform.Tests.Support;
using SharingPlatform.Web;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>What the published contract says about itself: what an integrator generating a client reads first.</summary>
[Collection(AppCollection.Name)]
public sealed partial class OpenApiContractTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    /// <summary>The document, fetched once for the class: it depends only on the code.</summary>
    private static Task<JsonElement>? _document;

    private Task<JsonElement> DocumentAsync() => _document ??= FetchAsync();

    private async Task<JsonElement> FetchAsync()
    {
        using var client = _app.NewClient();
        return await client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
    }

    private async Task<List<(string Path, string Method, JsonElement Operation)>> OperationsAsync() =>
        (await DocumentAsync()).GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name.ToUpperInvariant(), o.Value)))
            .ToList();

    [Fact]
    public async Task The_document_names_itself_in_both_languages_with_its_licence_server_and_sign_in()
    {
        var document = await DocumentAsync();

        var info = document.GetProperty("info");
        info.GetProperty("title").GetString().ShouldBe("전북 공유경제 플랫폼 API / Jeonbuk Sharing Platform API");
        info.GetProperty("description").GetString()!.ShouldContain("application/problem+json");
        info.GetProperty("license").GetProperty("url").GetString().ShouldBe("https://www.kogl.or.kr/info/licenseType1.do");
        document.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("http://127.0.0.1:5000");
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        var tags = document.GetProperty("tags").EnumerateArray().ToList();
        tags.ShouldNotBeEmpty();
        foreach (var tag in tags)
            tag.GetProperty("description").GetString()!.ShouldNotStartWith("ApiTag_", customMessage: tag.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Operations_that_need_sign_in_say_so_and_public_ones_do_not()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        static bool NeedsBearer(JsonElement operation) =>
            operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("bearer", out _));

        NeedsBearer(paths.GetProperty("/api/v1/bookings/mine").GetProperty("get")).ShouldBeTrue();
        NeedsBearer(paths.GetProperty("/api/v1/loans").GetProperty("post")).ShouldBeTrue();
        NeedsBearer(paths.GetProperty("/api/v1/resources").GetProperty("get")).ShouldBeFalse();
        NeedsBearer(paths.GetProperty("/api/v1/auth/login").GetProperty("post")).ShouldBeFalse();
        // A public operation says so with an empty list: no sign-in, rather than nothing said.
        paths.GetProperty("/api/v1/resources").GetProperty("get").GetProperty("security").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Every_operation_has_a_stable_unique_operation_id()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var ids = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.GetProperty("operationId").GetString()!)).ToList();

        ids.Count.ShouldBeGreaterThan(100);
        ids.ShouldBeUnique();
        paths.GetProperty("/api/v1/loans/{id}/hand-over").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("postLoansByIdHandOver");
        paths.GetProperty("/api/v1/resources").GetProperty("get").GetProperty("operationId").GetString().ShouldBe("getResources");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_description_in_Korean_and_English()
    {
        var operations = await OperationsAsync();

        operations.Count.ShouldBeGreaterThan(100);
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method} {path}";
            var summary = operation.GetProperty("summary").GetString()!;
            var description = operation.GetProperty("description").GetString()!;
            summary.ShouldNotContain("Op_", customMessage: name);
            description.ShouldNotContain("Op_", customMessage: name);
            var (korean, english) = (summary.Split(" / ")[0], summary.Split(" / ")[^1]);
            Hangul().IsMatch(korean).ShouldBeTrue(name);
            Latin().IsMatch(english).ShouldBeTrue(name);
            Hangul().IsMatch(english).ShouldBeFalse(name);
            var paragraphs = description.Split("\n\n");
            paragraphs.Length.ShouldBe(2, name);
            Hangul().IsMatch(paragraphs[0]).ShouldBeTrue(name);
            Hangul().IsMatch(paragraphs[1]).ShouldBeFalse(name);
        }
    }

    [Fact]
    public async Task Operations_that_need_sign_in_document_401_and_403_and_those_with_an_id_404()
    {
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            var name = $"{method} {path}";
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            if (operation.GetProperty("security").GetArrayLength() > 0)
                statuses.ShouldBe(statuses.Union(["401", "403"]), ignoreOrder: true, customMessage: name);
            if (path.Contains('{', StringComparison.Ordinal))
                statuses.ShouldContain("404", name);
        }
    }

    [Fact]
    public async Task Every_error_answer_is_a_problem_of_the_shared_schema()
    {
        var document = await DocumentAsync();
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties");
        problem.EnumerateObject().Select(p => p.Name).ShouldBe(["type", "title", "status", "detail", "code", "errors"], ignoreOrder: true);

        var errors = (await OperationsAsync())
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => int.Parse(r.Name, CultureInfo.InvariantCulture) >= 400)
                .Select(r => (Name: $"{o.Method} {o.Path} {r.Name}", Response: r.Value)))
            .ToList();

        errors.Count.ShouldBeGreaterThan(300);
        foreach (var (name, response) in errors)
        {
            response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
                .ShouldBe("#/components/schemas/Problem", name);
            response.GetProperty("description").GetString()!.ShouldContain(" / ", customMessage: name);
        }
    }

    [Fact]
    public async Task Refusals_list_the_codes_their_handler_raises()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        string[] Codes(string path, string method, string status) =>
            [.. CodesIn(paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status))];

        Codes("/api/v1/bookings", "post", "409").ShouldBe(["idempotency_key_in_progress", "period_taken"]);
        Codes("/api/v1/bookings", "post", "422").ShouldContain("too_little_notice");
        Codes("/api/v1/bookings", "post", "422").ShouldContain("idempotency_key_reused");
        Codes("/api/v1/bookings", "post", "422").ShouldContain("over_personal_cap");
        Codes("/api/v1/loans", "post", "409").ShouldBe(["idempotency_key_in_progress", "units_unavailable"]);
        Codes("/api/v1/lab-bookings", "post", "409").ShouldBe(["already_booked", "equipment_taken", "idempotency_key_in_progress", "slot_full"]);
        Codes("/api/v1/circles/{id}/join", "post", "409").ShouldContain("circle_full");
        Codes("/api/v1/bookings/{id}/cancel", "post", "409").ShouldBe(["booking_already_started", "booking_not_cancellable"]);
        Codes("/api/v1/reports", "post", "409").ShouldBe(["already_reported", "idempotency_key_in_progress"]);
        var loanDays = paths.GetProperty("/api/v1/resources/{id}/loan-availability").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "to");
        loanDays.GetProperty("description").GetString()!.ShouldContain("92");
        var booking = paths.GetProperty("/api/v1/bookings").GetProperty("post");
        booking.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("Idempotency-Key");
        booking.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/auth/login").GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name)
            .ShouldBe(["200", "400", "401", "429"], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_code_the_contract_lists_is_one_the_site_words()
    {
        var texts = _app.Services.GetRequiredService<IStringLocalizer<SiteText>>();
        // Worded by the handler itself, with the days that are short (Messages: UnitsUnavailable).
        string[] wordedByTheHandler = ["units_unavailable"];

        var listed = (await OperationsAsync())
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject())
            .SelectMany(r => CodesIn(r.Value))
            .Distinct()
            .ToList();

        listed.Count.ShouldBeGreaterThan(100);
        listed.Where(code => texts[$"Rule_{code}"].ResourceNotFound && !wordedByTheHandler.Contains(code)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rate_limits_say_when_to_retry_and_the_open_data_feed_answers_not_modified()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        foreach (var (path, method, operation) in await OperationsAsync())
        {
            if (operation.GetProperty("responses").TryGetProperty("429", out var limited))
                limited.GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue($"{method} {path}");
        }

        var feed = paths.GetProperty("/api/v1/open-data/resources").GetProperty("get");
        feed.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "If-None-Match" && p.GetProperty("in").GetString() == "header");
        feed.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue();
        feed.GetProperty("responses").GetProperty("304").GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue();
    }

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    /// <summary>The codes a response lists at the end of its description: <c>… / Possible `code` values: `period_taken`, `slot_full`</c>.</summary>
    [Fact]
    public async Task Lists_say_their_page_limits_numbers_are_numbers_and_municipalities_are_the_fourteen_codes()
    {
        var search = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/resources").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));

        parameters["pageSize"].GetProperty("type").GetString().ShouldBe("integer");
        parameters["pageSize"].GetProperty("minimum").GetInt32().ShouldBe(1);
        parameters["pageSize"].GetProperty("maximum").GetInt32().ShouldBe(100);
        parameters["page"].GetProperty("maximum").GetInt32().ShouldBe(10_000);
        parameters["minCapacity"].TryGetProperty("pattern", out _).ShouldBeFalse();
        parameters["municipality"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(Municipality.All.Select(m => m.Code));
    }

    [Fact]
    public async Task Examples_from_the_demo_data_sit_on_their_operations_and_fit_their_schemas()
    {
        var document = await DocumentAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()).ToDictionary(o => o.Value.GetProperty("operationId").GetString()!, o => o.Value);
        var checkedExamples = 0;

        foreach (var operationId in SharingPlatform.Web.Api.OpenApiContract.Examples.Keys)
        {
            operations.ShouldContainKey(operationId);
            var operation = operations[operationId];
            var bodies = operation.TryGetProperty("requestBody", out var request) ? [request] : new List<JsonElement>();
            bodies.AddRange(operation.GetProperty("responses").EnumerateObject().Select(r => r.Value));
            foreach (var media in bodies.Where(b => b.TryGetProperty("content", out _)).SelectMany(b => b.GetProperty("content").EnumerateObject()))
            {
                if (!media.Value.TryGetProperty("example", out var example))
                    continue;
                Fit(document, media.Value.GetProperty("schema"), example, operationId);
                checkedExamples++;
            }
        }

        checkedExamples.ShouldBeGreaterThanOrEqualTo(SharingPlatform.Web.Api.OpenApiContract.Examples.Count);
        operations["postBookings"].GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("purpose").GetString().ShouldBe("협동조합 회계 공부 모임");
    }

    /// <summary>An example uses only its schema's properties, has the required ones, and picks enum values from the list.</summary>
    private static void Fit(JsonElement document, JsonElement schema, JsonElement example, string where)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        if (schema.TryGetProperty("enum", out var values))
            values.EnumerateArray().Select(v => v.GetString()).ShouldContain(example.GetString(), where);
        if (!schema.TryGetProperty("properties", out var properties))
            return;
        foreach (var property in example.EnumerateObject())
        {
            properties.TryGetProperty(property.Name, out var propertySchema).ShouldBeTrue($"{where}: {property.Name}");
            Fit(document, propertySchema, property.Value, $"{where}.{property.Name}");
        }

        foreach (var required in schema.TryGetProperty("required", out var names) ? names.EnumerateArray() : default)
            example.TryGetProperty(required.GetString()!, out _).ShouldBeTrue($"{where}: {required.GetString()} is required");
    }

    private static IEnumerable<string> CodesIn(JsonElement response) =>
        response.GetProperty("description").GetString()!.Split("values: ") is [_, .., var list]
            ? CodeList().Matches(list).Select(m => m.Groups[1].Value)
            : [];

    [GeneratedRegex("`([a-z]+(?:_[a-z]+)*)`")]
    private static partial Regex CodeList();
}
