using SharingPlatform.Domain.ChangeRequests;
using SharingPlatform.Domain.Common;

namespace SharingPlatform.Domain.Tests;

public sealed class ChangeRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static ChangeRequest Pending() =>
        ChangeRequest.Submit(ChangeSubjectKind.Resource, Guid.NewGuid(), Guid.NewGuid(), "{\"title\":\"새 제목\"}", Guid.NewGuid(), Now);

    [Fact]
    public void Approving_a_pending_request_records_who_decided_and_when()
    {
        var request = Pending();
        var admin = Guid.NewGuid();

        request.Approve(admin, null, Now.AddHours(1));

        request.Status.ShouldBe(ChangeRequestStatus.Approved);
        request.DecidedBy.ShouldBe(admin);
        request.DecidedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Rejecting_needs_a_reason()
    {
        var request = Pending();

        Should.Throw<DomainRuleException>(() => request.Reject(Guid.NewGuid(), " ", Now)).Code.ShouldBe("reason_required");
        request.Status.ShouldBe(ChangeRequestStatus.Pending);
    }

    [Fact]
    public void A_decided_request_cannot_be_decided_again_or_replaced()
    {
        var request = Pending();
        request.Reject(Guid.NewGuid(), "사실과 다릅니다", Now);

        Should.Throw<DomainRuleException>(() => request.Approve(Guid.NewGuid(), null, Now)).Code.ShouldBe("change_request_not_pending");
        Should.Throw<DomainRuleException>(() => request.Reject(Guid.NewGuid(), "다시", Now)).Code.ShouldBe("change_request_not_pending");
        Should.Throw<DomainRuleException>(() => request.Replace("{}", Guid.NewGuid(), Now)).Code.ShouldBe("change_request_not_pending");
        request.Reason.ShouldBe("사실과 다릅니다");
    }

    [Fact]
    public void Saving_again_replaces_what_a_pending_request_proposes()
    {
        var request = Pending();
        var editor = Guid.NewGuid();

        request.Replace("{\"title\":\"두 번째\"}", editor, Now.AddMinutes(5));

        request.ProposedContent.ShouldBe("{\"title\":\"두 번째\"}");
        request.SubmittedBy.ShouldBe(editor);
        request.Status.ShouldBe(ChangeRequestStatus.Pending);
    }
}
