using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Domain.Emails;
using SharingPlatform.Infrastructure.Email;
using SharingPlatform.Infrastructure.Jobs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

[Collection(AppCollection.Name)]
public sealed class EmailOutboxTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task An_email_whose_job_was_never_enqueued_is_sent_by_the_recurring_sweep_exactly_once()
    {
        var to = ApiClient.NewEmail("orphan");
        var written = DateTimeOffset.UtcNow.AddMinutes(-10);
        await _app.QueryAsync(async db =>
        {
            db.OutgoingEmails.Add(OutgoingEmail.Write(to, "잃어버린 메일", "본문", written));
            return await db.SaveChangesAsync();
        });

        var recurring = _app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.Trigger(SendUnsentEmailsJob.RecurringJobId);
        recurring.Trigger(SendUnsentEmailsJob.RecurringJobId);

        await _app.Mailbox.WaitForAsync(to);
        await Task.Delay(1000);
        _app.Mailbox.To(to).Count.ShouldBe(1);
        (await _app.QueryAsync(db => db.OutgoingEmails.Where(e => e.To == to).Select(e => e.SentAt).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task Registering_the_recurring_jobs_again_does_not_duplicate_them()
    {
        RecurringJobs.Register(_app.Services);
        RecurringJobs.Register(_app.Services);

        var count = await _app.QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.set WHERE key = 'recurring-jobs' AND value = {SendUnsentEmailsJob.RecurringJobId}")
            .SingleAsync());
        count.ShouldBe(1);
    }
}
