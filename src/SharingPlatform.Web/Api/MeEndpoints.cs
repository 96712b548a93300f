namespace SharingPlatform.Web.Api;

public static class MeEndpoints
{
    public sealed record UpdateMeRequest(string DisplayName, string PreferredLanguage);
    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Accounts").RequireAuthorization();

        me.MapGet("", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyAccount(), ct)));
        me.MapGet("/invitations", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyInvitations(), ct)));
        me.MapPut("", async (UpdateMeRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new UpdateMyProfile(request.DisplayName, LanguageCodes.FromCultureName(request.PreferredLanguage)), ct);
            return TypedResults.Ok(await sender.Send(new GetMyAccount(), ct));
        })
            .Refuses("invalid_display_name");
        me.MapGet("/notification-settings", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetNotificationSettings(), ct)));
        me.MapPut("/notification-settings", async (ChooseNotificationEmails command, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(command, ct)));
        me.MapPost("/calendar-link", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new RegenerateCalendarLink(), ct)));
        me.MapPost("/sign-out", async (HttpContext context, ISender sender, CancellationToken ct) =>
        {
            if (SessionClaims.SessionOf(context.User) is { } session)
                await sender.Send(new EndSession(session), ct);
            return TypedResults.NoContent();
        });
        me.MapPost("/sign-out-everywhere", async (ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new SignOutEverywhere(), ct);
            return TypedResults.NoContent();
        });
        me.MapPost("/password", async (ChangePasswordRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new ChangePassword(request.CurrentPassword, request.NewPassword), ct);
            return TypedResults.NoContent();
        });
    }
}
