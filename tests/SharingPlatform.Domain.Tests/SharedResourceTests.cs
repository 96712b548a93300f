using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class SharedResourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(9));

    private static readonly BookingPolicy Policy = BookingPolicy.Create(ApprovalMode.Automatic, 60, 60, 180, 0, 30, 0, false, 2,
        [new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(18, 0))], []);

    private static ResourceDetails Details(string title = "소회의실 대여") =>
        new(ResourceCategory.Space, title, "10인용 회의실", Municipality.Jeonju, "전주시 완산구 1", 10, null, "무료");

    private static SharedResource Draft() => SharedResource.CreateDraft(Guid.NewGuid(), Details(), Policy, Now);

    [Fact]
    public void A_resource_goes_from_draft_through_review_to_published()
    {
        var resource = Draft();
        resource.Status.ShouldBe(ResourceStatus.Draft);
        resource.IsFree.ShouldBeTrue();

        resource.Submit(Now);
        resource.Status.ShouldBe(ResourceStatus.PendingReview);
        resource.Approve();
        resource.Status.ShouldBe(ResourceStatus.Published);
    }

    [Fact]
    public void A_rejected_resource_carries_its_reason_and_returns_to_draft_when_edited()
    {
        var resource = Draft();
        resource.Submit(Now);
        resource.Reject("사진이 없습니다");

        resource.Status.ShouldBe(ResourceStatus.Rejected);
        resource.StatusReason.ShouldBe("사진이 없습니다");
        resource.Edit(Details("소회의실 대여 (사진 추가)"), Policy, Now.AddHours(1));
        resource.Status.ShouldBe(ResourceStatus.Draft);
        resource.Submit(Now);
        resource.Status.ShouldBe(ResourceStatus.PendingReview);
    }

    [Fact]
    public void Every_illegal_move_is_refused_with_its_code()
    {
        var resource = Draft();

        Should.Throw<DomainRuleException>(resource.Approve).Code.ShouldBe("resource_not_pending_review");
        Should.Throw<DomainRuleException>(() => resource.Suspend("x")).Code.ShouldBe("resource_not_published");
        Should.Throw<DomainRuleException>(resource.Restore).Code.ShouldBe("resource_not_suspended");
        resource.Submit(Now);
        Should.Throw<DomainRuleException>(() => resource.Submit(Now)).Code.ShouldBe("resource_not_draft");
        Should.Throw<DomainRuleException>(() => resource.Edit(Details(), Policy, Now)).Code.ShouldBe("resource_not_editable");
        Should.Throw<DomainRuleException>(() => resource.Reject("")).Code.ShouldBe("reason_required");
        resource.Approve();
        resource.Suspend("신고 접수");
        Should.Throw<DomainRuleException>(resource.Archive).Code.ShouldBe("resource_not_archivable");
        resource.Restore();
        resource.Archive();
        Should.Throw<DomainRuleException>(() => resource.Edit(Details(), Policy, Now)).Code.ShouldBe("resource_not_editable");
    }

    [Fact]
    public void A_resource_has_at_most_eight_photos()
    {
        var resource = Draft();
        for (var i = 0; i < SharedResource.MaxPhotos; i++)
            resource.AddPhoto($"p{i}.webp", $"t{i}.webp", Now).Position.ShouldBe(i);

        Should.Throw<DomainRuleException>(() => resource.AddPhoto("p9.webp", "t9.webp", Now)).Code.ShouldBe("too_many_photos");
    }
}
