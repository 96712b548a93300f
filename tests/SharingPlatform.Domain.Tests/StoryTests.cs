using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Domain.Tests;

public sealed class StoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid AuthorId = Guid.NewGuid();
    private static readonly Guid OrganizationId = Guid.NewGuid();

    private static Story ByOrganization() =>
        Story.Write(AuthorId, OrganizationId, "  완주 공구 나눔 이야기 ", "본문", [], byAdministrator: false, Now);

    [Fact]
    public void An_administrators_story_is_published_at_once()
    {
        var story = Story.Write(AuthorId, null, "제목", "본문", [], byAdministrator: true, Now);

        story.Status.ShouldBe(StoryStatus.Published);
        story.PublishedAt.ShouldBe(Now.ToUniversalTime());
    }

    [Fact]
    public void An_organizations_story_waits_for_review_and_is_published_when_approved()
    {
        var story = ByOrganization();
        story.Status.ShouldBe(StoryStatus.PendingReview);
        story.Title.ShouldBe("완주 공구 나눔 이야기");
        story.PublishedAt.ShouldBeNull();

        story.Approve();

        story.Status.ShouldBe(StoryStatus.Published);
        story.PublishedAt.ShouldNotBeNull();
    }

    [Fact]
    public void A_member_without_an_organization_cannot_write()
    {
        Should.Throw<DomainRuleException>(() => Story.Write(AuthorId, null, "제목", "본문", [], byAdministrator: false, Now))
            .Code.ShouldBe("story_needs_organization");
    }

    [Theory]
    [InlineData("", "본문", "story_title_length")]
    [InlineData("   ", "본문", "story_title_length")]
    [InlineData("제목", "  ", "story_body_length")]
    public void Empty_title_or_body_is_refused(string title, string body, string code)
    {
        Should.Throw<DomainRuleException>(() => Story.Write(AuthorId, OrganizationId, title, body, [], false, Now)).Code.ShouldBe(code);
    }

    [Fact]
    public void Too_long_title_or_body_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Story.Write(AuthorId, OrganizationId, new string('가', Story.TitleMaxLength + 1), "본문", [], false, Now))
            .Code.ShouldBe("story_title_length");
        Should.Throw<DomainRuleException>(() => Story.Write(AuthorId, OrganizationId, "제목", new string('가', Story.BodyMaxLength + 1), [], false, Now))
            .Code.ShouldBe("story_body_length");
    }

    [Fact]
    public void Links_are_kept_once_and_limited()
    {
        var id = Guid.NewGuid();
        var story = Story.Write(AuthorId, OrganizationId, "제목", "본문", [new(StoryLinkType.Lab, id), new(StoryLinkType.Lab, id)], false, Now);
        story.Links.Count.ShouldBe(1);

        var many = Enumerable.Range(0, Story.MaxLinks + 1).Select(_ => new StoryLink(StoryLinkType.Resource, Guid.NewGuid()));
        Should.Throw<DomainRuleException>(() => Story.Write(AuthorId, OrganizationId, "제목", "본문", many, false, Now))
            .Code.ShouldBe("story_too_many_links");
    }

    [Fact]
    public void An_organizations_edit_of_a_published_story_goes_back_to_review()
    {
        var story = ByOrganization();
        story.Approve();

        story.Edit("새 제목", "새 본문", [], byAdministrator: false, Now.AddHours(1));

        story.Status.ShouldBe(StoryStatus.PendingReview);
        story.Title.ShouldBe("새 제목");
    }

    [Fact]
    public void Rejection_suspension_and_restore_follow_the_moderation_rules()
    {
        var story = ByOrganization();
        Should.Throw<DomainRuleException>(() => story.Suspend("광고")).Code.ShouldBe("story_not_published");
        Should.Throw<DomainRuleException>(() => story.Reject(" ")).Code.ShouldBe("reason_required");

        story.Reject("사진 출처가 없습니다");
        story.Status.ShouldBe(StoryStatus.Rejected);
        story.StatusReason.ShouldBe("사진 출처가 없습니다");

        story.Edit("제목", "출처를 밝혔습니다", [], false, Now);
        story.Approve();
        story.Suspend("신고 확인 중");
        story.Status.ShouldBe(StoryStatus.Suspended);
        Should.Throw<DomainRuleException>(() => story.Edit("제목", "본문", [], false, Now)).Code.ShouldBe("story_not_editable");

        story.Restore();
        story.Status.ShouldBe(StoryStatus.Published);
        Should.Throw<DomainRuleException>(() => story.Restore()).Code.ShouldBe("story_not_suspended");
    }
}
