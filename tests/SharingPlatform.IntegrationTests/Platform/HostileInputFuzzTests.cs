using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;
using Xunit.Abstractions;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Every operation of the OpenAPI document, sent hostile variants of its path, query and body (wrong types, missing
/// fields, huge strings, NUL, bad UTF-8, huge and negative numbers, invalid ids, out-of-range dates, unknown enum values,
/// empty and wrong-type bodies) by an anonymous caller, a resident and an administrator, with a fixed seed: no answer
/// may be a 5xx. The failure lists every request that got one.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputFuzzTests(SharedApp shared, ITestOutputHelper output)
{
    private const int Seed = 20261204;
    private readonly AppFactory _app = shared.Factory;

    private static readonly string Huge = new('가', 20_000);

    private static readonly string[] HostileStrings =
    [
        "", " ", "a\u0000b", "\u0001\u001f", "\u202Egpj.exe", "\u2066x\u2069", "line\nbreak", Huge, "'; DROP TABLE users; --",
        "<script>alert(1)</script>", "%", "..\\..\\etc\\passwd", "-1", "2147483648", "1e309", "null", "NaN",
        "0001-01-01", "9999-12-31T23:59:59Z", "2026-12-10T10:00:00", "2026-13-45", "not-a-date", "unknownEnumValue",
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "\ud83d\ude00", "\uFFFD\uFFFF", "LONESURROGATE",
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(int.MaxValue), JsonValue.Create(long.MaxValue),
        JsonValue.Create(-2147483649L), JsonValue.Create(1e300), JsonValue.Create(true), new JsonArray(), new JsonObject(),
        new JsonArray(JsonValue.Create("x"), JsonValue.Create(1)), JsonValue.Create("0001-01-01T00:00:00Z"),
        JsonValue.Create("9999-12-31T23:59:59+09:00"), JsonValue.Create("2026-12-10T10:00:00"), JsonValue.Create("24:61"),
        JsonValue.Create("00000000-0000-0000-0000-000000000000"),
    ];

    private static readonly string HugeQuery = new('a', 3_000);

    /// <summary>Values of the right type and the wrong size: what binds and then has to be refused by a rule.</summary>
    private static string[] HostileFor(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _))
            return ["unknownEnumValue", "1", "999", ""];
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (TypeOf(schema), format) switch
        {
            (_, "uuid") => ["00000000-0000-0000-0000-000000000000", "not-a-guid", "11111111-1111-4111-8111-11111111111"],
            (_, "date-time") => ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "2026-12-10T10:00:00", "2026-12-10"],
            (_, "date") => ["0001-01-01", "9999-12-31", "2026-02-30", "1999-12-31"],
            ("integer", _) => ["2147483647", "-2147483648", "-1", "0", "99999999999"],
            ("number", _) => ["1e308", "-1e308", "NaN", "-0"],
            ("boolean", _) => ["maybe", "2"],
            _ => ["a\u0000b", "\u202Egpj.exe", "LONESURROGATE", "line\nbreak\t", "\u0007bell"],
        };
    }

    private sealed record Operation(string Method, string Path, IReadOnlyList<JsonElement> Parameters, JsonElement? Body, bool Multipart);

    [Fact]
    public async Task No_hostile_request_to_any_operation_gets_a_server_error()
    {
        using var anonymous = _app.NewClient();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(50);

        var resident = await _app.PersonAsync();
        var administrator = await _app.AdministratorPersonAsync();
        using var residentClient = resident.Client;
        using var administratorClient = administrator.Client;
        var callers = new (string Name, HttpClient Client)[] { ("anonymous", anonymous), ("resident", residentClient), ("administrator", administratorClient) };

        var random = new Random(Seed);
        var requests = new List<(string Caller, HttpClient Client, Func<HttpRequestMessage> Make, string Label)>();
        foreach (var operation in operations)
        {
            var variants = Variants(operation, document, random).ToList();
            foreach (var (name, client) in callers)
            {
                foreach (var (make, label) in variants)
                    requests.Add((name, client, make, label));
            }
        }

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var watch = Stopwatch.StartNew();
        // Signing out or revoking sessions would turn the rest of a caller's requests into 401s: those go last.
        var ordered = requests.OrderBy(r => r.Label.Contains("logout", StringComparison.OrdinalIgnoreCase) || r.Label.Contains("sign-out", StringComparison.OrdinalIgnoreCase)).ToList();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (request, ct) =>
        {
            using var message = request.Make();
            using var response = await request.Client.SendAsync(message, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                failures.Add($"{(int)response.StatusCode} as {request.Caller}: {request.Label} → {body[..Math.Min(body.Length, 200)]}");
            }
        });

        output.WriteLine($"{operations.Count} operations, {requests.Count} requests in {watch.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        failures.ShouldBeEmpty(string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? common.EnumerateArray().ToList() : [];
            // Filing a report spends an hourly budget per caller that the report tests share with this one (they ran into 429).
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"
                && !(m.Name == "post" && path.Name == "/api/v1/reports")))
            {
                var parameters = shared.Concat(method.Value.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : []).ToList();
                JsonElement? body = null;
                var multipart = false;
                if (method.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                {
                    foreach (var media in content.EnumerateObject())
                    {
                        if (media.Name.Contains("multipart", StringComparison.Ordinal))
                            multipart = true;
                        else if (media.Value.TryGetProperty("schema", out var schema))
                            body = schema;
                    }
                }

                yield return new Operation(method.Name.ToUpperInvariant(), path.Name, parameters, body, multipart);
            }
        }
    }

    private static List<(Func<HttpRequestMessage> Make, string Label)> Variants(Operation operation, JsonElement document, Random random)
    {
        var pathParameters = operation.Parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
        var queryParameters = operation.Parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        var method = new HttpMethod(operation.Method);

        string PathWith(Func<JsonElement, string> value) =>
            pathParameters.Aggregate(operation.Path, (path, p) =>
                path.Replace("{" + p.GetProperty("name").GetString() + "}", Uri.EscapeDataString(value(p)), StringComparison.Ordinal));

        string Plausible(JsonElement parameter) => PlausibleText(Schema(parameter, document));

        var validBody = operation.Body is { } schema ? PlausibleJson(Resolve(schema, document), document, 0) : null;
        var results = new List<(Func<HttpRequestMessage>, string)>();

        void Add(string path, string query, Func<HttpContent?> content, string what)
        {
            var url = query.Length == 0 ? path : path + "?" + query;
            results.Add((() => new HttpRequestMessage(method, url) { Content = content() }, $"{operation.Method} {url[..Math.Min(url.Length, 160)]} [{what}]"));
        }

        HttpContent? Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
        HttpContent? ValidContent() => validBody is null ? null : Json(validBody.ToJsonString());
        var plausiblePath = PathWith(Plausible);
        var plausibleQuery = string.Join("&", queryParameters.Select(p => $"{p.GetProperty("name").GetString()}={Uri.EscapeDataString(Plausible(p))}"));

        // The plausible request itself, and the path with hostile ids.
        Add(plausiblePath, plausibleQuery, ValidContent, "plausible");
        foreach (var hostile in Pick(random, HostileStrings.Where(h => h != Huge && h != "LONESURROGATE").ToList(), pathParameters.Count == 0 ? 0 : 3))
            Add(PathWith(_ => hostile), plausibleQuery, ValidContent, "hostile path value");

        // One hostile query parameter at a time (each of them, a value of its type first), and all of them at once.
        foreach (var parameter in queryParameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var typed = HostileFor(Schema(parameter, document));
            foreach (var hostile in new[] { typed[random.Next(typed.Length)], HostileStrings[random.Next(HostileStrings.Length)] })
            {
                var query = string.Join("&", queryParameters.Select(p => p.GetProperty("name").GetString() == name
                    ? $"{name}={Escape(hostile)}"
                    : $"{p.GetProperty("name").GetString()}={Uri.EscapeDataString(Plausible(p))}"));
                Add(plausiblePath, query, ValidContent, $"query {name}");
            }
        }

        if (queryParameters.Count > 0)
        {
            var all = string.Join("&", queryParameters.Select(p => $"{p.GetProperty("name").GetString()}={Escape(HostileStrings[random.Next(HostileStrings.Length)])}"));
            Add(plausiblePath, all, ValidContent, "every query parameter hostile");
            Add(plausiblePath, "page=2147483647&pageSize=-5&from=0001-01-01&to=9999-12-31&q=%00%FF%FE", ValidContent, "raw bad bytes in the query");
        }

        if (operation.Multipart)
        {
            Add(plausiblePath, plausibleQuery, () =>
            {
                var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent([0xFF, 0xD8, 0xFF, 0x00, 0x01, 0x02]), "file", "photo.jpg");
                return form;
            }, "multipart with a broken photo");
            Add(plausiblePath, plausibleQuery, () => Json("{}"), "json instead of multipart");
            Add(plausiblePath, plausibleQuery, () => new MultipartFormDataContent(), "multipart without a file");
        }

        if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            // Whole-body hostility.
            var bodies = new (string What, Func<HttpContent?> Content)[]
            {
                ("no body", () => null),
                ("empty json body", () => Json("")),
                ("null body", () => Json("null")),
                ("array body", () => Json("[]")),
                ("number body", () => Json("12345678901234567890")),
                ("truncated json", () => Json("{\"a\":")),
                ("bad utf-8 bytes", () => new ByteArrayContent([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC0, 0x22, 0x7D]) { Headers = { ContentType = new("application/json") } }),
                ("text/plain body", () => new StringContent("hello", Encoding.UTF8, "text/plain")),
                ("empty object", () => Json("{}")),
            };
            foreach (var (what, content) in Pick(random, bodies, bodies.Length))
                Add(plausiblePath, plausibleQuery, content, what);

            // One hostile property at a time: a value of its type first, then anything.
            if (validBody is JsonObject valid && operation.Body is { } bodySchema && Resolve(bodySchema, document).TryGetProperty("properties", out var properties))
            {
                var names = valid.Select(p => p.Key).ToList();
                foreach (var property in properties.EnumerateObject())
                {
                    var propertySchema = Resolve(property.Value, document);
                    var typed = HostileFor(propertySchema);
                    var numeric = TypeOf(propertySchema) is "integer" or "number";
                    var candidates = new[]
                    {
                        numeric && typed[0] != "unknownEnumValue" ? JsonNode.Parse(typed[random.Next(2)]) : JsonValue.Create(typed[random.Next(typed.Length)]),
                        JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]),
                        HostileValues[random.Next(HostileValues.Length)]?.DeepClone(),
                    };
                    foreach (var candidate in candidates)
                    {
                        var changed = (JsonObject)valid.DeepClone();
                        changed[property.Name] = candidate;
                        var text = changed.ToJsonString().Replace("LONESURROGATE", "\\ud800", StringComparison.Ordinal);
                        Add(plausiblePath, plausibleQuery, () => Json(text), $"body {property.Name}");
                    }
                }

                var duplicated = valid.ToJsonString();
                if (names.Count > 0)
                    duplicated = duplicated[..^1] + $",\"{names[0]}\":{valid[names[0]]?.ToJsonString() ?? "null"}}}";
                Add(plausiblePath, plausibleQuery, () => Json(duplicated), "duplicated key");
            }
        }

        return results;
    }

    /// <summary>A query value escaped, with the marker for a lone surrogate sent as its (invalid) UTF-8 bytes.</summary>
    private static string Escape(string value) => value switch
    {
        "LONESURROGATE" => "%ED%A0%80",
        _ when value == Huge => HugeQuery,
        _ => Uri.EscapeDataString(value),
    };

    private static List<T> Pick<T>(Random random, IReadOnlyList<T> items, int count) =>
        items.OrderBy(_ => random.Next()).Take(Math.Max(0, count)).ToList();

    private static JsonElement Schema(JsonElement parameter, JsonElement document) =>
        parameter.TryGetProperty("schema", out var schema) ? Resolve(schema, document) : default;

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                node = node.GetProperty(part);
            schema = node;
        }

        return schema;
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            return "string";
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
                return type.GetString()!;
            if (type.ValueKind == JsonValueKind.Array)
                return type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "null";
        }

        if (schema.TryGetProperty("enum", out _))
            return "string";
        return schema.TryGetProperty("properties", out _) ? "object" : "string";
    }

    private static string PlausibleText(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            return values[0].ToString();
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (TypeOf(schema), format) switch
        {
            (_, "uuid") => "11111111-1111-4111-8111-111111111111",
            (_, "date-time") => "2027-01-04T10:00:00+09:00",
            (_, "date") => "2027-01-04",
            ("integer", _) => "20",
            ("number", _) => "1",
            ("boolean", _) => "true",
            _ => "jeonju",
        };
    }

    private static JsonNode? PlausibleJson(JsonElement schema, JsonElement document, int depth)
    {
        schema = Resolve(schema, document);
        if (depth > 4)
            return null;
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                        result[property.Name] = PlausibleJson(property.Value, document, depth + 1);
                }

                return result;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(PlausibleJson(items, document, depth + 1)) : new JsonArray();
            case "integer":
                return JsonValue.Create(20);
            case "number":
                return JsonValue.Create(1.5);
            case "boolean":
                return JsonValue.Create(false);
            case "null":
                return null;
            default:
                return JsonValue.Create(PlausibleText(schema));
        }
    }
}
