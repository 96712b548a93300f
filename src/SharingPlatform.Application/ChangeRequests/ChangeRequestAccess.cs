namespace SharingPlatform.Application.ChangeRequests;

public static class ChangeRequestAccess
{
    public static NotFoundException NotFound() => new(Texts.Get("NoSuchChangeRequest"));
}
