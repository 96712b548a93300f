using System.Security.Cryptography;

namespace SharingPlatform.Web.Api;

/// <summary>Marks a route that honours <c>Idempotency-Key</c> (for the contract and the filter).</summary>
public sealed class IdempotentMetadata
{
    public static readonly IdempotentMetadata Instance = new();
}

/// <summary>
/// <c>Idempotency-Key</c> (IETF draft) on the POSTs that create something: the same person sending the same key with the
/// same request within 24 hours gets the first successful answer again (status, body, <c>Location</c>), marked
/// <c>Idempotent-Replayed: true</c>, and the use case does not run a second time. The same key with another request is
/// 422 <c>idempotency_key_reused</c>; while the first is still running, 409 <c>idempotency_key_in_progress</c>. The key
/// is claimed by a row's primary key before the use case runs, so racing retries cannot both run it. A refusal is not
/// kept: the claim is let go and a retry runs again.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string Reused = "idempotency_key_reused";
    public const string InProgress = "idempotency_key_in_progress";

    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder
        .WithMetadata(IdempotentMetadata.Instance)
        .AddEndpointFilter<Filter>()
        .Conflicts(InProgress)
        .Refuses(Reused);

    /// <summary>A request carrying the header keeps its body readable after binding, for the request's hash.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Headers.ContainsKey(Header))
            context.Request.EnableBuffering();
        return next(context);
    });

    private sealed class Filter(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock, IServiceScopeFactory scopes)
        : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (!http.Request.Headers.TryGetValue(Header, out var values))
                return await next(context);
            var key = values.ToString();
            if (!IdempotentRequest.IsValidKey(key))
                throw new ValidationException([new ValidationFailure("idempotencyKey", Texts.Get("IdempotencyKeyInvalid"))]);
            var userId = currentUser.RequireId();
            var hash = await HashAsync(http.Request);

            if (!await ClaimAsync(userId, key, hash))
                return await FirstAnswerAsync(userId, key, hash);

            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                await LetGoOrLaterAsync(userId, key);
                throw;
            }

            if (result is not IResult answer)
                return result;
            return await KeepAsync(http, answer, userId, key);
        }

        private async Task<bool> ClaimAsync(Guid userId, string key, byte[] hash)
        {
            var now = clock.GetUtcNow();
            var expired = now - IdempotentRequest.KeptFor;
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM idempotent_requests WHERE user_id = {userId} AND key = {key} AND created_at < {expired}");
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO idempotent_requests (user_id, key, request_hash, created_at) VALUES ({userId}, {key}, {hash}, {now})
                ON CONFLICT DO NOTHING
                """) == 1;
        }

        private async Task<IResult> FirstAnswerAsync(Guid userId, string key, byte[] hash)
        {
            var first = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key);
            if (first is not null && !first.RequestHash.AsSpan().SequenceEqual(hash))
                throw new DomainRuleException(Reused, Texts.Get("IdempotencyKeyReused"));
            if (first?.Status is not { } status)
                throw new ConflictException(Texts.Get("IdempotencyKeyInProgress"), InProgress);
            return new Replayed(status, first.ContentType, first.Location, first.Body ?? []);
        }

        /// <summary>Writes the answer as usual and keeps a copy when it is a success.</summary>
        private async Task<IResult> KeepAsync(HttpContext http, IResult answer, Guid userId, string key)
        {
            var response = http.Response;
            var original = response.Body;
            using var copy = new MemoryStream();
            response.Body = copy;
            try
            {
                await answer.ExecuteAsync(http);
            }
            finally
            {
                response.Body = original;
            }

            var body = copy.ToArray();
            if (response.StatusCode is >= 200 and < 300)
            {
                string? contentType = response.ContentType;
                string? location = response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE idempotent_requests SET status = {response.StatusCode}, content_type = {contentType}, location = {location}, body = {body}
                    WHERE user_id = {userId} AND key = {key}
                    """);
            }
            else
            {
                await LetGoAsync(userId, key);
            }

            await original.WriteAsync(body);
            return Results.Empty;
        }

        private async Task LetGoAsync(Guid userId, string key) => await LetGoAsync(db, userId, key);

        private static async Task LetGoAsync(IApplicationDbContext db, Guid userId, string key) =>
            await db.Database.ExecuteSqlAsync($"DELETE FROM idempotent_requests WHERE user_id = {userId} AND key = {key} AND status IS NULL");

        /// <summary>
        /// The use case failed, often because the database went away: then the claim cannot be let go now either, and
        /// would answer "in progress" to every retry for a day. It is let go as soon as the database is back (tried for
        /// two minutes).
        /// </summary>
        private async Task LetGoOrLaterAsync(Guid userId, string key)
        {
            try
            {
                await LetGoAsync(userId, key);
            }
            catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
            {
                _ = Task.Run(async () =>
                {
                    for (var attempt = 0; attempt < 24; attempt++)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5));
                        try
                        {
                            await using var scope = scopes.CreateAsyncScope();
                            await LetGoAsync(scope.ServiceProvider.GetRequiredService<IApplicationDbContext>(), userId, key);
                            return;
                        }
                        catch (Exception later) when (DatabaseFaults.IsUnavailable(later))
                        {
                        }
                    }
                });
            }
        }

        private static async Task<byte[]> HashAsync(HttpRequest request)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
            request.Body.Position = 0;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
                sha.AppendData(buffer, 0, read);
            request.Body.Position = 0;
            return sha.GetHashAndReset();
        }
    }

    /// <summary>The first answer, sent again.</summary>
    private sealed class Replayed(int status, string? contentType, string? location, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.Headers[ReplayedHeader] = "true";
            if (contentType is not null)
                response.ContentType = contentType;
            if (location is not null)
                response.Headers.Location = location;
            await response.Body.WriteAsync(body);
        }
    }
}
