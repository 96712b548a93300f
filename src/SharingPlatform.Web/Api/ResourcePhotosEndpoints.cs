namespace SharingPlatform.Web.Api;

public static class ResourcePhotosEndpoints
{
    public sealed record ReorderRequest(IReadOnlyList<Guid> PhotoIds);

    public static void MapResourcePhotosEndpoints(this RouteGroupBuilder api)
    {
        var photos = api.MapGroup("/resources/{id:guid}/photos").WithTags("Resources").RequireAuthorization();

        // Multipart with one "file" part. Bearer-authenticated, so no antiforgery token is involved.
        photos.MapPost("", async (Guid id, IFormFile file, ISender sender, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            var resource = await sender.Send(new AddResourcePhoto(id, content, file.Length), ct);
            return TypedResults.Created($"/api/v1/resources/{id}", resource);
        }).DisableAntiforgery()
            .Refuses("too_many_photos");

        photos.MapDelete("/{photoId:guid}", async (Guid id, Guid photoId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RemoveResourcePhoto(id, photoId), ct)))
            .Refuses("no_such_photo");

        photos.MapPut("/order", async (Guid id, ReorderRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReorderResourcePhotos(id, request.PhotoIds), ct)))
            .Refuses("photo_order_invalid");
    }

    /// <summary>Stored photos, immutable under their names: cached for a year; the site's nosniff header applies.</summary>
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{name}", (string name, IFileStore files, HttpContext context) =>
        {
            var stream = files.OpenRead(name);
            if (stream is null)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(stream, "image/webp");
        }).ExcludeFromDescription();
}
