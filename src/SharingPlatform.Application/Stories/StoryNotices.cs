using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Stories;

/// <summary>
/// An administrator approved, rejected, suspended or restored a story: the members of its organization are told (the
/// author, for an administrator's own story), with the reason, in the transaction of the decision.
/// </summary>
public sealed class StoryNotices(Notifier notifier)
{
    public async Task ModeratedAsync(Story story, NotificationKind kind, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = story.OrganizationId is { } organizationId
            ? await notifier.MembersAsync(organizationId, cancellationToken)
            : await notifier.PeopleAsync([story.AuthorId], cancellationToken);
        notifier.Notify(people, kind, story.Id, now, language => new NoticeText(
            Texts.Get(language, $"Notice_{kind}_Title", story.Title),
            Texts.Get(language, $"Notice_{kind}_Body", story.Title) + NoticeText.Reasoned(language, reason)),
            StoryAccess.Link(story.Id), now);
    }
}
