using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Municipalities;

namespace SharingPlatform.Domain.Tests;

public sealed class CircleMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid HostId = Guid.NewGuid();

    internal static Circle NewCircle(JoinPolicy policy = JoinPolicy.Open, int cap = 10) =>
        Circle.Create(HostId, new CircleDetails("공유경제 입문 스터디", ["공유경제", "협동조합"], "함께 읽어요", Municipality.Jeonju, cap, policy), Now).Circle;

    [Fact]
    public void The_founder_is_the_host_and_the_first_member()
    {
        var (circle, host) = Circle.Create(HostId, new CircleDetails(" 스터디 ", ["a", "A", " "], "", Municipality.Gunsan, 5, JoinPolicy.Open), Now);

        circle.MemberCount.ShouldBe(1);
        circle.Status.ShouldBe(CircleStatus.Active);
        circle.Title.ShouldBe("스터디");
        circle.Topics.ShouldBe(["a"]);
        host.Role.ShouldBe(MemberRole.Host);
        host.IsHost.ShouldBeTrue();
    }

    [Fact]
    public void Joining_an_open_circle_makes_an_active_member_at_once()
    {
        var circle = NewCircle();

        var member = circle.Join(Guid.NewGuid(), null, Now);

        member.Status.ShouldBe(MemberStatus.Active);
        member.Role.ShouldBe(MemberRole.Member);
        circle.MemberCount.ShouldBe(2);
    }

    [Fact]
    public void Joining_a_circle_by_approval_waits_for_a_host_and_counts_only_once_approved()
    {
        var circle = NewCircle(JoinPolicy.Approval);

        var member = circle.Join(Guid.NewGuid(), null, Now);
        member.Status.ShouldBe(MemberStatus.Pending);
        circle.MemberCount.ShouldBe(1);

        circle.Approve(member, Now);
        member.Status.ShouldBe(MemberStatus.Active);
        circle.MemberCount.ShouldBe(2);
    }

    [Fact]
    public void An_open_circle_at_its_cap_refuses_a_newcomer()
    {
        var circle = NewCircle(cap: 2);
        circle.Join(Guid.NewGuid(), null, Now);

        Should.Throw<IllegalTransitionException>(() => circle.Join(Guid.NewGuid(), null, Now)).Code.ShouldBe("circle_full");
        circle.MemberCount.ShouldBe(2);
    }

    [Fact]
    public void Approving_a_request_of_a_full_circle_is_refused()
    {
        var circle = NewCircle(JoinPolicy.Approval, cap: 2);
        var first = circle.Join(Guid.NewGuid(), null, Now);
        var second = circle.Join(Guid.NewGuid(), null, Now);
        circle.Approve(first, Now);

        Should.Throw<IllegalTransitionException>(() => circle.Approve(second, Now)).Code.ShouldBe("circle_full");
        second.Status.ShouldBe(MemberStatus.Pending);
    }

    [Fact]
    public void A_member_who_leaves_frees_a_place_and_may_join_again()
    {
        var circle = NewCircle(cap: 2);
        var userId = Guid.NewGuid();
        var member = circle.Join(userId, null, Now);

        circle.Leave(member, Now);
        member.Status.ShouldBe(MemberStatus.Left);
        circle.MemberCount.ShouldBe(1);

        circle.Join(userId, member, Now).ShouldBeSameAs(member);
        member.Status.ShouldBe(MemberStatus.Active);
    }

    [Fact]
    public void The_host_cannot_leave_nor_be_removed()
    {
        var (circle, host) = Circle.Create(HostId, new CircleDetails("스터디", [], "", Municipality.Jeonju, 5, JoinPolicy.Open), Now);

        Should.Throw<DomainRuleException>(() => circle.Leave(host, Now)).Code.ShouldBe("host_cannot_leave");
        Should.Throw<DomainRuleException>(() => circle.Remove(host, "이유", Now)).Code.ShouldBe("host_cannot_be_removed");
    }

    [Fact]
    public void A_removed_member_cannot_rejoin_until_a_host_allows_it()
    {
        var circle = NewCircle();
        var userId = Guid.NewGuid();
        var member = circle.Join(userId, null, Now);

        Should.Throw<DomainRuleException>(() => circle.Remove(member, " ", Now)).Code.ShouldBe("reason_required");
        circle.Remove(member, "광고 글 반복", Now);
        member.Status.ShouldBe(MemberStatus.Removed);
        member.StatusReason.ShouldBe("광고 글 반복");
        circle.MemberCount.ShouldBe(1);

        Should.Throw<DomainRuleException>(() => circle.Join(userId, member, Now)).Code.ShouldBe("removed_from_circle");

        circle.AllowBack(member);
        circle.Join(userId, member, Now);
        member.Status.ShouldBe(MemberStatus.Active);
        member.RejoinAllowed.ShouldBeFalse();
    }

    [Fact]
    public void Joining_twice_is_refused()
    {
        var circle = NewCircle(JoinPolicy.Approval);
        var userId = Guid.NewGuid();
        var member = circle.Join(userId, null, Now);

        Should.Throw<IllegalTransitionException>(() => circle.Join(userId, member, Now)).Code.ShouldBe("already_requested");
        circle.Approve(member, Now);
        Should.Throw<IllegalTransitionException>(() => circle.Join(userId, member, Now)).Code.ShouldBe("already_circle_member");
    }

    [Fact]
    public void A_declined_request_may_be_made_again()
    {
        var circle = NewCircle(JoinPolicy.Approval);
        var userId = Guid.NewGuid();
        var member = circle.Join(userId, null, Now);

        circle.Decline(member, Now);
        member.Status.ShouldBe(MemberStatus.Declined);
        circle.Join(userId, member, Now).Status.ShouldBe(MemberStatus.Pending);
    }

    [Fact]
    public void Co_hosts_are_named_among_active_members_and_lose_the_role_when_they_leave()
    {
        var circle = NewCircle(JoinPolicy.Approval);
        var member = circle.Join(Guid.NewGuid(), null, Now);

        Should.Throw<IllegalTransitionException>(() => circle.NameCoHost(member)).Code.ShouldBe("not_an_ordinary_member");
        circle.Approve(member, Now);
        circle.NameCoHost(member);
        member.IsHost.ShouldBeTrue();

        circle.Leave(member, Now);
        member.Role.ShouldBe(MemberRole.Member);
        member.IsHost.ShouldBeFalse();
    }

    [Fact]
    public void The_cap_cannot_be_lowered_below_the_members()
    {
        var circle = NewCircle(cap: 5);
        circle.Join(Guid.NewGuid(), null, Now);
        circle.Join(Guid.NewGuid(), null, Now);

        Should.Throw<DomainRuleException>(() => circle.Update(new CircleDetails("스터디", [], "", Municipality.Jeonju, 2, JoinPolicy.Open)))
            .Code.ShouldBe("member_cap_below_members");
    }

    [Fact]
    public void A_suspended_circle_takes_no_members_until_restored()
    {
        var circle = NewCircle();

        circle.Suspend("부적절한 홍보");
        Should.Throw<DomainRuleException>(() => circle.Join(Guid.NewGuid(), null, Now)).Code.ShouldBe("circle_suspended");
        Should.Throw<IllegalTransitionException>(() => circle.Suspend("또")).Code.ShouldBe("circle_not_active");

        circle.Restore("소명 확인");
        circle.Join(Guid.NewGuid(), null, Now).Status.ShouldBe(MemberStatus.Active);
    }
}
