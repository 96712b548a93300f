using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Domain.Tests;

public sealed class OrganizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid Owner = Guid.NewGuid();

    private static Organization Pending() => Organization.Register(
        "완주 로컬푸드 협동조합", OrganizationKind.Cooperative, BusinessRegistrationNumber.Parse("124-81-00998"),
        Municipality.Wanju, "완주군 고산면 1", "063-000-0000", "coop@example.kr", "", Owner, Now);

    [Fact]
    public void A_registered_organization_waits_for_review_with_its_registrant_as_owner()
    {
        var organization = Pending();

        organization.Status.ShouldBe(OrganizationStatus.Pending);
        organization.CanPublish.ShouldBeFalse();
        organization.IsOwner(Owner).ShouldBeTrue();
        organization.BusinessRegistrationNumber.ShouldBe("1248100998");
        organization.Municipality.ShouldBe("wanju");
    }

    [Fact]
    public void Verifying_lets_it_publish_and_suspending_and_restoring_follow()
    {
        var organization = Pending();

        organization.Verify();
        organization.CanPublish.ShouldBeTrue();
        organization.Suspend("허위 정보");
        organization.Status.ShouldBe(OrganizationStatus.Suspended);
        organization.StatusReason.ShouldBe("허위 정보");
        organization.CanPublish.ShouldBeFalse();
        organization.Restore();
        organization.Status.ShouldBe(OrganizationStatus.Verified);
        organization.StatusReason.ShouldBeNull();
    }

    [Fact]
    public void Every_illegal_move_is_refused_with_its_code()
    {
        var organization = Pending();

        Should.Throw<DomainRuleException>(() => organization.Suspend("x")).Code.ShouldBe("organization_not_verified");
        Should.Throw<DomainRuleException>(() => organization.Restore()).Code.ShouldBe("organization_not_suspended");
        Should.Throw<DomainRuleException>(() => organization.Reject(" ")).Code.ShouldBe("reason_required");
        organization.Reject("서류 미비");
        Should.Throw<DomainRuleException>(() => organization.Verify()).Code.ShouldBe("organization_not_pending");
        Should.Throw<DomainRuleException>(() => organization.Reject("again")).Code.ShouldBe("organization_not_pending");
    }

    [Fact]
    public void Members_are_added_once_and_the_last_owner_stays()
    {
        var organization = Pending();
        var staff = Guid.NewGuid();

        organization.AddMember(staff, MemberRole.Staff, Now);
        Should.Throw<DomainRuleException>(() => organization.AddMember(staff, MemberRole.Owner, Now)).Code.ShouldBe("already_member");
        organization.IsMember(staff).ShouldBeTrue();
        organization.IsOwner(staff).ShouldBeFalse();

        Should.Throw<DomainRuleException>(() => organization.RemoveMember(Owner)).Code.ShouldBe("last_owner");
        organization.RemoveMember(staff);
        organization.IsMember(staff).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => organization.RemoveMember(staff)).Code.ShouldBe("not_a_member");
    }
}
